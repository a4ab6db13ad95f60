extension Loss {
    /// The multiclass SVM hinge loss (CS231n's form):
    /// `Lᵢ = Σ_{j≠yᵢ} max(0, sᵢⱼ − sᵢ,yᵢ + Δ)`.
    ///
    /// Gradient: each violated margin (`sᵢⱼ − sᵢ,yᵢ + Δ > 0`) adds `1/N` to `∂sᵢⱼ` and `−1/N` to
    /// `∂sᵢ,yᵢ`. At a margin of exactly 0 the (sub)gradient taken is 0.
    ///
    /// Shapes: `scores` [N, C], `labels` [N], gradient [N, C]. The cook book's cat/car/frog example
    /// gives 1.9, 0, 10.9 with `Δ = 0`; CS231n's gives 2.9, 0, 12.9 with `Δ = 1`.
    public static func multiclassHinge(_ scores: Tensor, labels: [Int], margin delta: Double = 1) -> Result {
        validate(scores, labels: labels)
        let (n, c) = (scores.shape[0], scores.shape[1])
        var gradient = Tensor(zeros: [n, c])
        var perExample = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let y = labels[i]
            let correct = scores[i, y]
            for j in 0..<c where j != y {
                let margin = scores[i, j] - correct + delta
                if margin > 0 {
                    perExample[i] += margin
                    gradient[i, j] += 1 / Double(n)
                    gradient[i, y] -= 1 / Double(n)
                }
            }
        }
        return Result(value: perExample.reduce(0, +) / Double(n), perExample: perExample, gradient: gradient)
    }
}
