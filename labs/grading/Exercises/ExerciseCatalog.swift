import NNEngine

/// Every exercise, in the order of the lectures, and lookup by name.
public enum ExerciseCatalog {
    public static let all: [any Exercise] = [
        ActivationsExercise(), AffineBackwardExercise(), NumericalGradientExercise(), InitializationExercise(),
        DropoutExercise(), SoftmaxLossExercise(), SVMLossExercise(), BatchNormExercise(),
        OptimizerStepsExercise(), BealeAdamExercise(), FlipCropExercise(),
    ]

    /// The exercise called `name`. - Throws: `LabError` listing the valid names.
    public static func named(_ name: String) throws -> any Exercise {
        guard let exercise = all.first(where: { $0.name == name }) else {
            throw LabError("unknown exercise '\(name)'; valid: \(all.map(\.name).joined(separator: ", "))")
        }
        return exercise
    }
}
