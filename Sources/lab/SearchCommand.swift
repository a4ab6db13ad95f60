import ArgumentParser

/// `lab search`: a hyperparameter search, run whole, as one shard of many, or merged from shards.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Hyperparameter search: grid vs random, log-uniform sampling, coarse to fine, cross-validation, ensembles.",
        subcommands: [SearchRunCommand.self, SearchMergeCommand.self],
        defaultSubcommand: SearchRunCommand.self)
}
