import NNEngine

extension Submission {
    /// A submission file's text for `answers`, in the format students write (one key per output,
    /// nested arrays, scalars as numbers): how the tests and the benchmark make submissions, and
    /// what `lab` would write for a student's reference after the deadline.
    public static func json(_ answers: NamedArrays) -> String {
        JSONWriter.object(answers.entries.map { ($0.name, JSONWriter.tensor($0.value)) }) + "\n"
    }

    /// As `json(_:)`, with every value rounded to float32 first: what a float32 implementation
    /// (numpy `astype(np.float32)`, a GPU) submits.
    public static func float32JSON(_ answers: NamedArrays) -> String {
        var rounded = NamedArrays()
        for entry in answers.entries { rounded[entry.name] = entry.value.map { Double(Float($0)) } }
        return json(rounded)
    }
}
