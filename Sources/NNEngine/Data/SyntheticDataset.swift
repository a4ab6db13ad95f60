import Foundation

/// The built-in two-dimensional classification sets, drawn from a seeded generator: small enough
/// to train in a second and to draw decision boundaries over.
///
/// | case | classes | points | geometry |
/// |---|---|---|---|
/// | `spiral` | K | K·N | CS231n's arms: `r = linspace(0, 1, N)`, `θ = linspace(4k, 4(k+1), N) + noise·n` |
/// | `circles` | 2 | N | circles of radius 1 and `factor`, plus Gaussian noise (scikit-learn's `make_circles`) |
/// | `moons` | 2 | N | two interleaved half circles, plus Gaussian noise (`make_moons`) |
/// | `xor` | 2 | N | uniform on [−1, 1]², class `(x > 0) ≠ (y > 0)`, plus Gaussian noise |
/// | `blobs` | K | K·N | Gaussian clusters of std `spread` around K centres on a circle of radius 3 |
///
/// Shapes: features [points, 2], labels [points].
public enum SyntheticDataset: Equatable, Hashable, Sendable {
    case spiral(classes: Int = 3, pointsPerClass: Int = 100, noise: Double = 0.2)
    case circles(points: Int = 300, noise: Double = 0.1, factor: Double = 0.5)
    case moons(points: Int = 300, noise: Double = 0.15)
    case xor(points: Int = 300, noise: Double = 0.05)
    case blobs(classes: Int = 3, pointsPerClass: Int = 100, spread: Double = 1)

    /// The most classes of a spiral or blobs set. At 100 the dropout lab's peak memory is
    /// measured in labs/dropout/README.md.
    public static let classLimit = 100

    /// The command-line names.
    public static let names = ["spiral", "circles", "moons", "xor", "blobs"]

    /// The set with its default size and noise, by name.
    /// - Throws: `LabError` listing the valid names.
    public static func named(_ name: String, classes: Int? = nil) throws -> SyntheticDataset {
        switch name.lowercased() {
        case "spiral": return .spiral(classes: classes ?? 3)
        case "circles": return .circles()
        case "moons": return .moons()
        case "xor": return .xor()
        case "blobs": return .blobs(classes: classes ?? 3)
        default: throw LabError("unknown dataset '\(name)'; valid: digits, \(names.joined(separator: ", "))")
        }
    }

    /// C, the number of classes.
    public var classCount: Int {
        switch self {
        case .spiral(let k, _, _), .blobs(let k, _, _): return k
        case .circles, .moons, .xor: return 2
        }
    }

    /// Checks the sizes and noise levels.
    /// - Throws: `LabError` naming the bad value.
    public func validate() throws {
        let (points, noise): (Int, Double)
        switch self {
        case .spiral(let k, let n, let s), .blobs(let k, let n, let s):
            guard k >= 2 else { throw LabError("a \(self.name) needs at least 2 classes, got \(k)") }
            // Evaluating a net on its own training set takes [100·K points, K classes] of scores,
            // memory that grows as K²: 1 000 000 classes would want 8·10¹⁴ bytes.
            guard k <= Self.classLimit else {
                throw LabError("a \(self.name) of \(k) classes is too many; the limit is \(Self.classLimit) (memory and time grow as classes²)")
            }
            (points, noise) = (n, s)
        case .circles(let n, let s, let factor):
            guard factor > 0 && factor < 1 else { throw LabError("circles factor must be in (0, 1), got \(factor)") }
            (points, noise) = (n, s)
        case .moons(let n, let s), .xor(let n, let s):
            (points, noise) = (n, s)
        }
        guard points >= 2 else { throw LabError("\(name) needs at least 2 points, got \(points)") }
        guard noise.isFinite && noise >= 0 else { throw LabError("\(name) noise must be finite and ≥ 0, got \(noise)") }
    }

    /// The command-line name.
    public var name: String {
        switch self {
        case .spiral: return "spiral"
        case .circles: return "circles"
        case .moons: return "moons"
        case .xor: return "xor"
        case .blobs: return "blobs"
        }
    }

    /// Draws the points from `generator`; the same generator state gives the same set.
    public func generate(using generator: inout RandomStream) -> Dataset {
        var points: [Double] = [], labels: [Int] = []
        func add(_ x: Double, _ y: Double, _ label: Int) {
            points += [x, y]
            labels.append(label)
        }
        switch self {
        case .spiral(let k, let n, let noise):
            for c in 0..<k {
                for i in 0..<n {
                    let fraction = n == 1 ? 0 : Double(i) / Double(n - 1)
                    let r = fraction
                    let theta = 4 * (Double(c) + fraction) + noise * generator.normal()
                    add(r * sin(theta), r * cos(theta), c)
                }
            }
        case .circles(let n, let noise, let factor):
            for i in 0..<n {
                let inner = i >= n / 2
                let t = 2 * Double.pi * generator.uniform()
                let r = inner ? factor : 1
                add(r * cos(t) + noise * generator.normal(), r * sin(t) + noise * generator.normal(), inner ? 1 : 0)
            }
        case .moons(let n, let noise):
            for i in 0..<n {
                let lower = i >= n / 2
                let t = Double.pi * generator.uniform()
                let (x, y) = lower ? (1 - cos(t), 0.5 - sin(t)) : (cos(t), sin(t))
                add(x + noise * generator.normal(), y + noise * generator.normal(), lower ? 1 : 0)
            }
        case .xor(let n, let noise):
            for _ in 0..<n {
                let (x, y) = (generator.uniform(-1, 1), generator.uniform(-1, 1))
                add(x + noise * generator.normal(), y + noise * generator.normal(), (x > 0) != (y > 0) ? 1 : 0)
            }
        case .blobs(let k, let n, let spread):
            for c in 0..<k {
                let angle = 2 * Double.pi * Double(c) / Double(k)
                for _ in 0..<n {
                    add(3 * cos(angle) + spread * generator.normal(), 3 * sin(angle) + spread * generator.normal(), c)
                }
            }
        }
        return Dataset(features: Tensor(shape: [labels.count, 2], scalars: points), labels: labels, classCount: classCount)
    }
}
