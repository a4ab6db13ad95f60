import ArgumentParser

/// `lab all`: every lab with its default settings, sharing --out, --format, --size and --seed.
struct AllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "all", abstract: "Run every lab with its defaults.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        for lab in LabCatalog.allCases {
            print("== lab \(lab.rawValue)")
            try lab.run(common)
        }
    }
}
