/// A search's trials as far as the finished ones allow: stage 1 always; stage 2 once every
/// stage-1 trial has its result; stage 3 once every stage-2 trial has. Shards and the merge build
/// it from the same files, so they agree on every trial.
public struct SearchPlan: Sendable {
    /// The trials of each stage known so far, `stages[0]` being stage 1.
    public var stages: [[TrialSpec]]
    /// The fine stage's region, once stage 1 is complete.
    public var region: FineRegion?
    /// The trials of the last known stage that have no matching result yet (empty: all done).
    public var missing: [Int]

    /// Whether every trial of every stage has its result.
    public var isComplete: Bool { stages.count == TrialKind.stageCount && missing.isEmpty }

    /// The plan for `c` given the finished trials `done` (by index). A record counts only if it
    /// is exactly the trial the plan expects.
    public static func make(_ c: SearchConfiguration, done: [Int: TrialRecord]) -> SearchPlan {
        func missing(_ specs: [TrialSpec]) -> [Int] { specs.filter { done[$0.index]?.trial != $0 }.map(\.index) }
        let first = TrialPlan.stage1(c)
        var plan = SearchPlan(stages: [first], region: nil, missing: missing(first))
        guard plan.missing.isEmpty else { return plan }
        let coarse = first.filter { $0.kind == .coarse }.map { done[$0.index]! }
        let region = TrialPlan.fineRegion(c, coarse: coarse)
        let second = TrialPlan.stage2(c, start: first.count, region: region)
        plan.stages.append(second)
        plan.region = region
        plan.missing = missing(second)
        guard plan.missing.isEmpty else { return plan }
        let pool = TrialPlan.rank((coarse.map(\.trial) + second).map { done[$0.index]! }).map(\.trial)
        let third = TrialPlan.stage3(c, start: first.count + second.count, ranked: pool)
        plan.stages.append(third)
        plan.missing = missing(third)
        return plan
    }

    /// Every trial known so far, in index order.
    public var trials: [TrialSpec] { stages.flatMap { $0 } }
}
