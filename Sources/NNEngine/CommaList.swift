import Foundation

/// The items of a list option such as `--scheme small,xavier-tanh` or `--keep 1,0.8,0.5`, given
/// comma-separated, repeated, or both (`--keep 1 --keep 0.8,0.5`).
///
/// Every lab splits its lists here, so that every list option refuses the same mistakes the same
/// way: an empty value (`--scheme ""`, which would otherwise quietly mean "the default"), and an
/// empty item (`1,,0.5`, a trailing comma), each with one line that names the option.
public enum CommaList {
    /// The trimmed items of every value of `option`, in order; `[]` when the option was not given.
    /// - Parameters:
    ///   - values: the option's values, one per time it was given.
    ///   - option: the option's name with its dashes, for messages (`--scheme`).
    ///   - example: a valid value, for messages (`small,xavier-tanh`).
    /// - Throws: `LabError` for an empty value or an empty item.
    public static func items(_ values: [String], option: String, example: String) throws -> [String] {
        try values.flatMap { value -> [String] in
            let items = value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard items.contains(where: { !$0.isEmpty }) else {
                throw LabError("\(option) is empty; give at least one value, e.g. \(option) \(example)")
            }
            guard !items.contains("") else {
                throw LabError("\(option) '\(value)' has an empty item between commas; e.g. \(option) \(example)")
            }
            return items
        }
    }

    /// The items of `values` parsed by `parse`, which returns `nil` for an item it does not accept.
    /// - Throws: `LabError` for an empty value or item, or an item `parse` refuses (as `what`).
    public static func items<T>(_ values: [String], option: String, example: String, what: String,
                                parse: (String) -> T?) throws -> [T] {
        try items(values, option: option, example: example).map { item in
            guard let value = parse(item) else { throw LabError("\(option): '\(item)' is not \(what); e.g. \(option) \(example)") }
            return value
        }
    }
}
