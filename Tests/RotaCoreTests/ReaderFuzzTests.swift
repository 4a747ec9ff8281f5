import Foundation
import Testing

@testable import RotaChecking
@testable import RotaCore
@testable import RotaModel
@testable import RotaPlanning

/// Mutation fuzzing of the readers: valid scenario files, .ics files and schedule CSVs are mutated at random (bytes
/// flipped, ranges deleted, duplicated or truncated, NUL, invalid UTF-8, tabs, colons and brackets inserted) and
/// read again. A reader must answer every input with a value or its typed error naming the file; a crash or hang
/// fails the run. Deterministic per seed; `ROTA_FUZZ_ITERATIONS` raises the count and `ROTA_FUZZ_FIRST` moves the
/// first seed, so a longer run explores inputs earlier runs did not (scripts/fuzz.sh).
@Suite("Reader fuzzing")
struct ReaderFuzzTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["ROTA_FUZZ_ITERATIONS"] ?? "") ?? 150
    static let first = Int(ProcessInfo.processInfo.environment["ROTA_FUZZ_FIRST"] ?? "") ?? 0
    static var seeds: Range<Int> { first..<(first + iterations) }
    static let root = TestScenarios.repositoryRoot

    /// `data` with 1–4 random mutations.
    static func mutate(_ data: Data, _ random: inout SeededRandom) -> Data {
        var bytes = [UInt8](data)
        let inserts: [[UInt8]] = [
            [0], [0xFF], [0xC3], [0xEF, 0xBB, 0xBF], [9], [13], [10], Array(":".utf8), Array("{".utf8),
            Array("[".utf8), Array("- ".utf8), Array("..".utf8), Array("2027-02-30".utf8), Array("\"".utf8),
            Array(",".utf8), Array("\r\n ".utf8), Array("END:VEVENT\r\n".utf8), Array("&a *a".utf8),
        ]
        for _ in 0..<(1 + Int(random.next() % 4)) {
            guard !bytes.isEmpty else {
                bytes = inserts[Int(random.next() % UInt64(inserts.count))]
                continue
            }
            let at = Int(random.next() % UInt64(bytes.count))
            switch random.next() % 6 {
            case 0: bytes[at] ^= UInt8(1 << (random.next() % 8))
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(random.next() % 40)))
            case 2:
                let end = min(bytes.count, at + 1 + Int(random.next() % 60))
                bytes.insert(contentsOf: bytes[at..<end], at: at)
            case 3: bytes.removeSubrange(at..<bytes.count)
            default: bytes.insert(contentsOf: inserts[Int(random.next() % UInt64(inserts.count))], at: at)
            }
        }
        return Data(bytes)
    }

    @Test func scenarioReaderAnswersEveryMutation() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("scenarios").path
        )
        .filter { $0.hasSuffix(".yaml") }.sorted()
        var errors = 0
        for seed in Self.seeds {
            var random = SeededRandom(seed: UInt64(seed))
            let name = files[seed % files.count]
            let path = Self.root.appendingPathComponent("scenarios/\(name)").path
            let mutated = Self.mutate(try Data(contentsOf: URL(fileURLWithPath: path)), &random)
            // Same folder, so the relative calendars and history files resolve as for the original.
            let result = Result { () throws(ScenarioError) -> (Scenario, [ScenarioVariant]) in
                try ScenarioReader.readWithVariants(data: mutated, file: path, library: TestScenarios.library)
            }
            if case .failure(let error) = result {
                errors += 1
                #expect(error.description.hasPrefix(path), "seed \(seed): \(error)")
            }
        }
        #expect(errors > 0, "no mutation was rejected: the mutations are too weak to test anything")
    }

    @Test func calendarReaderAnswersEveryMutation() throws {
        let folder = Self.root.appendingPathComponent("Tests/Fixtures/ics")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var errors = 0
        for seed in Self.seeds {
            var random = SeededRandom(seed: UInt64(seed) &+ 1_000_003)
            let name = files[seed % files.count]
            let mutated = Self.mutate(try Data(contentsOf: folder.appendingPathComponent(name)), &random)
            let result = Result { () throws(CalendarError) -> CalendarFile in
                try CalendarFile.parse(data: mutated, file: name)
            }
            switch result {
            case .success(let file):
                // Expanding occurrences must terminate too (recurrence rules included).
                _ = file.occurrences(
                    in: DateRange(first: CalendarDate(iso: "2026-01-01")!, last: CalendarDate(iso: "2028-12-31")!)!,
                    timeZone: TimeZone(identifier: "Asia/Kuala_Lumpur")!)
            case .failure(let error):
                errors += 1
                #expect(error.description.contains(name), "seed \(seed): \(error)")
            }
        }
        #expect(errors > 0)
    }

    @Test func scheduleReaderAnswersEveryMutation() throws {
        let folder = try TemporaryFolder()
        let sources = [
            "reports/xyz-tech-2027q1", "reports/xyz-tech-rotations-2027q2", "scenarios/hand-made/xyz-tech-2027q1",
        ]
        var errors = 0
        for seed in Self.seeds {
            var random = SeededRandom(seed: UInt64(seed) &+ 2_000_003)
            let source = Self.root.appendingPathComponent(sources[seed % sources.count])
            for name in ["rotation.csv", "ownership.csv"] {
                let original = source.appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: original.path) else { continue }
                try folder.write(name, String(decoding: Self.mutate(data, &random), as: UTF8.self))
            }
            let result = Result { () throws(ScheduleError) -> ScheduleFile in try ScheduleReader.read(path: folder.path)
            }
            switch result {
            case .success(let file):
                // Whatever was read is judged without crashing.
                let scenario = try TestScenarios.seed("xyz-tech-2027q1")
                _ = CheckResult(scenario: scenario, file: file, regenerateCommand: "rota plan")
            case .failure(let error):
                errors += 1
                #expect(error.description.contains(folder.path), "seed \(seed): \(error)")
            }
        }
        #expect(errors > 0)
    }
}
