import ArgumentParser

/// `lab list`: the labs, with the lecture point each reproduces.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the labs.")

    func run() {
        let width = LabCatalog.allCases.map(\.rawValue.count).max() ?? 0
        for lab in LabCatalog.allCases {
            print(lab.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0) + lab.summary)
        }
    }
}
