import ArgumentParser
import Foundation
import NNEngine

/// `lab gradcheck`: every layer, loss and regularizer of the engine checked against centered
/// differences, with the lecture's bands for the relative error.
struct GradcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradcheck",
        abstract: "Check every backward pass against centered differences (relative error, lecture bands).",
        discussion: """
            Relative error |a − n| / max(|a|, |n|), h = 1e-5. Bands: > 1e-2 wrong; 1e-2…1e-4 uncomfortable; \
            1e-4…1e-7 fine for objectives with kinks; < 1e-7 happy. Exits non-zero if any gradient is wrong, \
            or uncomfortable, or above 1e-7 for a smooth layer (kinks and whole networks may reach 1e-4).
            """)

    /// Seeds the inputs, parameters and upstream gradients.
    @OptionGroup var seeding: SeedOption

    func run() throws {
        let seed = seeding.seed
        let rows = GradientCheckSuite.run(seed: seed)
        let nameWidth = rows.map { $0.name.count + $0.parameter.count + 3 }.max() ?? 0
        print("gradient checks (seed \(seed), centered differences, h = 1e-5)")
        print("what".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  max rel. error  band")
        var failures = 0
        for row in rows {
            let acceptable = row.report.band == .happy || (row.hasKinks && row.report.band == .fineWithKinks)
            if !acceptable { failures += 1 }
            let label = "\(row.name) ∂\(row.parameter)".padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            let error = String(format: "%.2e", row.report.maxRelativeError).padding(toLength: 15, withPad: " ", startingAt: 0)
            print("\(label)  \(error)\(Self.describe(row.report.band))\(acceptable ? "" : "  ← check this gradient: \(row.report)")")
        }
        print("\(rows.count) gradients checked, \(failures) outside their band")
        if failures > 0 { throw LabError("\(failures) of \(rows.count) gradients are outside the lecture's bands") }
    }

    static func describe(_ band: GradientCheck.Band) -> String {
        switch band {
        case .wrong: return "wrong (> 1e-2)"
        case .uncomfortable: return "uncomfortable (1e-2…1e-4)"
        case .fineWithKinks: return "fine with kinks (1e-4…1e-7)"
        case .happy: return "happy (< 1e-7)"
        }
    }
}
