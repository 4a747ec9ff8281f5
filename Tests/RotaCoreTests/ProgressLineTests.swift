import Foundation
import Testing

@testable import RotaCore
@testable import RotaModel

/// The live progress line: GLPK's branch-and-cut lines read, and the line as shown.
@Suite("Progress line")
struct ProgressLineTests {
    @Test func glpkLinesGiveBestBoundAndGap() {
        var line = ProgressLine()
        line.level = "Total holiday burden"
        #expect(line.rendered(elapsed: 1.25, limit: 60) == "Total holiday burden · 1.25 s of 60 s")
        line.read(glpk: "+ 42094: mip =   4.000000000e+00 >=   2.000000000e+00  50.0% (336; 544)")
        #expect(line.best == 4 && line.bound == 2 && line.gap == 0.5)
        #expect(line.rendered(elapsed: 3, limit: nil) == "Total holiday burden · 3 s · best 4, bound 2, gap 50 %")
        // Before any incumbent, and GLPK's infinite bound: nothing made up, nothing that traps.
        line.read(glpk: "+   312: mip =     not found yet >=              -inf        (1; 0)")
        #expect(line.best == nil && line.bound == nil && line.gap == nil)
        // Other lines change nothing.
        line.read(glpk: "+ 42094: mip =   4.0e+00 >=   2.0e+00  50.0% (336; 544)")
        line.read(glpk: "Integer optimization begins...")
        #expect(line.best == 4)
        #expect(TextFormatting.number(.infinity) == "∞" && TextFormatting.number(-.infinity) == "−∞")
    }
}
