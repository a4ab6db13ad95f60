import Foundation
import NNEngine
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

    /// README.md's text.
    public static func readme(_ exercise: any Exercise, student: StudentID, inputs: NamedArrays) -> String {
        let reference = exercise.reference(for: inputs)
        var text = "# \(exercise.title)\n\nExercise `\(exercise.name)` for `\(student.value)`, lecture \(exercise.lecture).\n"
        text += "Points: \(FeedbackText.points(exercise.points)). Your inputs are in `problem.json` (they are yours alone).\n\n"
        text += "## Task\n\n\(exercise.instructions)\n\n## Inputs\n\n| key | shape |\n|---|---|\n"
        for entry in inputs.entries { text += "| `\(entry.name)` | \(entry.value.shape) |\n" }
        text += "\n## Submission\n\nWrite `submission.json`, one JSON object with these keys (nested arrays, e.g. numpy's `.tolist()`; a\n"
        text += "scalar as a plain number). Use only finite numbers: NaN or Infinity make the file invalid.\n\n"
        text += "| key | shape | points | what |\n|---|---|---|---|\n"
        for output in exercise.outputs {
            text += "| `\(output.key)` | \(reference.require(output.key).shape) | \(FeedbackText.points(output.points)) | \(output.description) |\n"
        }
        text += "\nSkeleton (numpy):\n\n```python\nimport json\nimport numpy as np\n\n"
        text += "p = json.load(open(\"problem.json\"))[\"inputs\"]\n"
        text += inputs.names.map { "\($0) = np.array(p[\"\($0)\"], dtype=np.float64)" }.joined(separator: "\n") + "\n\n"
        text += "answer = {\n" + exercise.outputs.map { "    \"\($0.key)\": ...,  # shape \(reference.require($0.key).shape)" }.joined(separator: "\n")
        text += "\n}\njson.dump({k: np.asarray(v, dtype=np.float64).tolist() for k, v in answer.items()},\n"
        text += "          open(\"submission.json\", \"w\"), allow_nan=False)\n```\n\n"
        text += "Grade yourself with `lab grade \(exercise.name) submission.json --student \(student.value)` if your course allows it.\n"
        return text
    }

    /// Writes both files into `folder` (created if needed).
    public static func write(_ exercise: any Exercise, student: StudentID, key: CourseKey, to folder: URL) throws {
        let inputs = Grader.problem(exercise, student: student, key: key)
        try AtomicFile.write(Data(json(exercise, student: student, inputs: inputs).utf8), to: folder.appendingPathComponent("problem.json"))
        try AtomicFile.write(Data(readme(exercise, student: student, inputs: inputs).utf8), to: folder.appendingPathComponent("README.md"))
    }
}
