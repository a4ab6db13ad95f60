import Foundation
import NNEngine
import NNFiles
import NNRender

/// Writes a student's problem folder: `problem.json` (the inputs as nested arrays, and the
/// expected output shapes) and `README.md` (the task, the formulas, the submission format).
public enum ProblemSheet {
    /// problem.json's text: `{"exercise", "student", "inputs": {…}, "outputs": {key: shape}}`.
    public static func json(_ exercise: any Exercise, student: StudentID, inputs: NamedArrays) -> String {
        let reference = exercise.reference(for: inputs)
        let inputPairs = inputs.entries.map { ($0.name, JSONWriter.tensor($0.value)) }
        let shapes = exercise.outputs.map { ($0.key, "[" + reference.require($0.key).shape.map(String.init).joined(separator: ", ") + "]") }
        return JSONWriter.object([("exercise", JSONWriter.string(exercise.name)), ("student", JSONWriter.string(student.value)),
                                  ("inputs", JSONWriter.object(inputPairs, indent: 2)),
                                  ("outputs", JSONWriter.object(shapes, indent: 2))]) + "\n"
    }

    /// README.md's text. `keyNeeded`: the problem comes from a course key, so the self-grade line
    /// needs `--course-key` (without it the grader would pose the practice problem instead).
    public static func readme(_ exercise: any Exercise, student: StudentID, inputs: NamedArrays, keyNeeded: Bool = false) -> String {
        let reference = exercise.reference(for: inputs)
        var text = "# \(exercise.title)\n\nExercise `\(exercise.name)` for `\(student.value)`, lecture \(exercise.lecture).\n"
        text += "Points: \(FeedbackText.points(exercise.points)). Your inputs are in `problem.json` (they are yours alone).\n\n"
        text += "## Task\n\n\(exercise.instructions)\n\n## Inputs\n\n| key | shape |\n|---|---|\n"
        for entry in inputs.entries { text += "| `\(entry.name)` | \(entry.value.shape) |\n" }
        text += "\n## Submission\n\nWrite `submission.json`, one JSON object with these keys (nested arrays, e.g. numpy's `.tolist()`; a\n"
        text += "scalar as a plain number). Use only finite numbers: NaN or Infinity make the file invalid.\n"
        text += "Submit full precision: float64 (`.tolist()` writes 17 digits) or float32 both score full marks; numbers\n"
        text += "rounded to a few significant digits by hand do not (4 digits is a relative error of ~1e-4).\n\n"
        text += "| key | shape | points | what |\n|---|---|---|---|\n"
        for output in exercise.outputs {
            text += "| `\(output.key)` | \(reference.require(output.key).shape) | \(FeedbackText.points(output.points)) | \(output.description) |\n"
        }
        text += "\nSkeleton (numpy):\n\n```python\nimport json\nimport numpy as np\n\n"
        text += "p = json.load(open(\"problem.json\"))[\"inputs\"]\n"
        // Labels and pixel offsets are integers: numpy refuses float64 array indices and slices.
        text += inputs.names.map { name in
            let type = exercise.integerInputs.contains(name) ? "np.int64" : "np.float64"
            let load = "np.array(p[\"\(name)\"], dtype=\(type))"
            return "\(name) = \(inputs.require(name).rank == 0 ? "\(load).item()" : load)"
        }.joined(separator: "\n") + "\n\n"
        // Zeros of the right shape, so that the skeleton runs as shipped and its submission parses.
        text += "# Replace each np.zeros with your computation.\n"
        text += "answer = {\n" + exercise.outputs.map { output in
            let shape = reference.require(output.key).shape
            let tuple = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
            return "    \"\(output.key)\": np.zeros(\(tuple)),  # \(output.description)"
        }.joined(separator: "\n")
        text += "\n}\njson.dump({k: np.asarray(v, dtype=np.float64).tolist() for k, v in answer.items()},\n"
        text += "          open(\"submission.json\", \"w\"), allow_nan=False)\n```\n\n"
        let keyOption = keyNeeded ? " --course-key course.key" : ""
        text += "Grade yourself with `lab grade \(exercise.name) submission.json --student \(student.value)\(keyOption)` "
        text += keyNeeded ? "if your course gives you its key (without it you would be graded on the practice problem, not yours).\n"
            : "(this problem comes from the public practice key).\n"
        return text
    }

    /// Writes both files into `folder` (created if needed), together or not at all: they are
    /// staged and then moved in (`OutputFolder`), so a full disk cannot leave a problem.json
    /// without its README.md, or beside the README.md of another problem (another key). Only
    /// these two files are replaced (`.addedFiles`): the folder may also hold the student's work.
    public static func write(_ exercise: any Exercise, student: StudentID, key: CourseKey, to folder: URL, keyNeeded: Bool? = nil) throws {
        let inputs = Grader.problem(exercise, student: student, key: key)
        let problem = Data(json(exercise, student: student, inputs: inputs).utf8)
        let readme = Data(readme(exercise, student: student, inputs: inputs, keyNeeded: keyNeeded ?? (key != .practice)).utf8)
        try OutputFolder(folder, scope: .addedFiles).replace { staging in
            try AtomicFile.write(problem, to: staging.appendingPathComponent("problem.json"))
            try AtomicFile.write(readme, to: staging.appendingPathComponent("README.md"))
        }
    }
}
