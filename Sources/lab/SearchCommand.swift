import ArgumentParser

/// `lab search`: a hyperparameter search, run whole, as one shard of many, or merged from shards.
/// The group has no options of its own; its help says where they are, since argument-parser
/// (1.8) lists only the subcommands of a group, not its default subcommand's options.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Hyperparameter search: grid vs random, log-uniform sampling, coarse to fine, cross-validation, ensembles.",
        usage: """
            lab search [run] [<options>]
            lab search merge <folders> ... [<options>]
            """,
        discussion: """
            The search's options (--seed, --out, --epochs, --lr, --weight-decay, --shard I/N, …) are listed by \
            'lab search run --help', those of merge by 'lab search merge --help'. Without a subcommand, lab search \
            is lab search run: 'lab search --epochs 5' runs a search.
            """,
        subcommands: [SearchRunCommand.self, SearchMergeCommand.self],
        defaultSubcommand: SearchRunCommand.self)
}
