import Foundation
import RotaChecking
import RotaModel
import RotaPlanning

/// The one line `rota plan` keeps up to date on a terminal while it solves: the level, the time spent of the limit,
/// and the search's best value, bound and gap as GLPK reports them.
public struct ProgressLine: Sendable, Equatable {
    public var level = ""
    public var best: Double?
    public var bound: Double?
    public var gap: Double?

    public init() {}

    /// Reads a GLPK branch-and-cut progress line (`+ 42094: mip =   4.0e+00 >=   2.0e+00  50.0% (336; 544)`, or
    /// `mip = not found yet >= …`) into best, bound and gap; other lines change nothing.
    public mutating func read(glpk line: String) {
        guard let mip = line.range(of: "mip =") else { return }
        let rest = line[mip.upperBound...]
        let parts = rest.split(separator: ">=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return }
        func finite(_ text: Substring?) -> Double? { text.flatMap { Double($0) }.flatMap { $0.isFinite ? $0 : nil } }
        best = finite(Substring(parts[0]))
        let tail = parts[1].split(separator: " ", omittingEmptySubsequences: true)
        bound = finite(tail.first)
        gap = tail.dropFirst().first.flatMap { $0.hasSuffix("%") ? finite($0.dropLast()).map { $0 / 100 } : nil }
    }

    /// `Total holiday burden · 3.2 s of 60 s · best 13, bound 12, gap 7.7 %`.
    public func rendered(elapsed: Double, limit: Double?) -> String {
        var text = level.isEmpty ? "planning" : level
        text += " · \(TextFormatting.number(elapsed)) s" + (limit.map { " of \(TextFormatting.number($0)) s" } ?? "")
        var figures: [String] = []
        if let best { figures.append("best \(TextFormatting.number(best))") }
        if let bound { figures.append("bound \(TextFormatting.number(bound))") }
        if let gap { figures.append("gap \(TextFormatting.percent(gap))") }
        if !figures.isEmpty { text += " · " + figures.joined(separator: ", ") }
        return text
    }
}
