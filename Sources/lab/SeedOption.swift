import ArgumentParser

/// `--seed`: the one seed every random draw of a command derives from. Part of `CommonOptions`,
/// and alone in commands that draw random numbers but write no figures (`gradcheck`).
struct SeedOption: ParsableArguments {
    @Option(help: "Seed for every random draw; the same seed gives byte-identical output.")
    var seed: UInt64 = 0
}
