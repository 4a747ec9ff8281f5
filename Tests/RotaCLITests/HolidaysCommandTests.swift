import Foundation
import Testing

@Suite("rota holidays and rota regions")
struct HolidaysCommandTests {
    typealias CLI = RotaBinaryTests

    @Test func regionYearAsCSVHasTheDocumentedColumns() throws {
        let run = try CLI.run(["holidays", "--region", "MY-10", "--year", "2027", "--format", "csv"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.first == "date,name,region,category,observed,provisional")
        #expect(lines.contains("2027-02-08,Chinese New Year (Second Day),MY-10,public,true,false"))
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("2027-") })
    }

    @Test func aScenarioListsEveryEngineersHolidaysAndLeave() throws {
        let run = try CLI.run(["holidays", "scenarios/xyz-tech-2027q1.yaml", "--format", "csv"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.first == "engineer,date,kind,name,category,weight,provisional,source")
        // Chinese New Year falls on the weekend (weight 0); its substitute Monday weighs 1.
        #expect(lines.contains("choo,2027-02-06,holiday,Chinese New Year,\"public, on the weekend\",0,false,MY-10"))
        #expect(
            lines.contains(
                "choo,2027-02-08,holiday,Chinese New Year (Second Day) (substitute day),public,1,false,MY-10"))
        #expect(lines.contains { $0.hasPrefix("choo,2027-02-08,leave,") })
    }

    @Test func regionsOfOneCountry() throws {
        let run = try CLI.run(["regions", "MY", "--format", "csv"])
        #expect(run.status == 0)
        let lines = run.standardOutput.split(whereSeparator: \.isNewline)
        #expect(lines.count == 18)  // header, MY, 13 states, 3 federal territories
        #expect(lines.contains("MY-02,\"Malaysia, Kedah\",Fri Sat,Asia/Kuala_Lumpur,2027"))
    }

    @Test(arguments: [
        (["holidays", "--region", "MY-1O"], "did you mean \"MY-10\""),
        (["holidays", "--region", "SG", "--year", "2035"], "covers 2025–2030, not 2035"),
        (["regions", "XX"], "no holiday calendar for country \"XX\""),
        (["holidays", "--region", "SG", "--calendars", "/nonexistent"], "/nonexistent/regions.csv"),
    ])
    func badInputExitsTwo(arguments: [String], fragment: String) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 2)
        #expect(run.standardError.contains(fragment), "\(run.standardError)")
    }
}
