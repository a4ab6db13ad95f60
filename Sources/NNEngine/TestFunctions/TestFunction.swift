/// The classic 2-D surfaces on which the lectures compare optimizers (Alec Radford's animations),
/// each with its value, analytic gradient, known minima and a default plotting domain and start.
///
/// | case | `f(x, y)` | minima, `f = 0` |
/// |---|---|---|
/// | `beale` | `(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²` | (3, 0.5) |
/// | `valley` | `0.1·x² + 2·y²`, a long narrow valley (condition number 20) | (0, 0) |
/// | `rosenbrock` | `(1 − x)² + 100·(y − x²)²`, a curved banana valley | (1, 1) |
/// | `saddle` | `x² − y²`, unbounded below | none |
/// | `himmelblau` | `(x² + y − 11)² + (x + y² − 7)²` | (3, 2) and three more |
///
/// References: Beale (1958); Rosenbrock (1960); Himmelblau (1972), "Applied Nonlinear Programming".
public enum TestFunction: String, CaseIterable, Codable, Sendable {
    case beale, valley, rosenbrock, saddle, himmelblau

    /// `f(x, y)`.
    public func value(x: Double, y: Double) -> Double {
        switch self {
        case .beale:
            let (a, b, c) = Self.bealeTerms(x, y)
            return a * a + b * b + c * c
        case .valley:
            return 0.1 * x * x + 2 * y * y
        case .rosenbrock:
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
        case .saddle:
            return x * x - y * y
        case .himmelblau:
            let (p, q) = (x * x + y - 11, x + y * y - 7)
            return p * p + q * q
        }
    }

    /// The analytic gradient `(∂f/∂x, ∂f/∂y)`, by the chain rule on the squared terms.
    public func gradient(x: Double, y: Double) -> (dx: Double, dy: Double) {
        switch self {
        case .beale:
            // f = a² + b² + c²: ∂f = 2a ∂a + 2b ∂b + 2c ∂c, with
            // ∂a = (y − 1, x), ∂b = (y² − 1, 2xy), ∂c = (y³ − 1, 3xy²).
            let (a, b, c) = Self.bealeTerms(x, y)
            let dx = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1)
            let dy = 2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y
            return (dx, dy)
        case .valley:
            return (0.2 * x, 4 * y)
        case .rosenbrock:
            return (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x))
        case .saddle:
            return (2 * x, -2 * y)
        case .himmelblau:
            let (p, q) = (x * x + y - 11, x + y * y - 7)
            return (4 * x * p + 2 * q, 2 * p + 4 * y * q)
        }
    }

    /// `f` at a point.
    public func value(at point: Point2D) -> Double { value(x: point.x, y: point.y) }

    /// `f` at a parameter vector `[2]`.
    public func value(_ p: Tensor) -> Double { value(at: Point2D(p)) }

    /// `∇f` at a parameter vector: `[2]` → `[2]`, the form `Optimizer.step(_:gradientAt:)` takes.
    public func gradient(_ p: Tensor) -> Tensor {
        let point = Point2D(p)
        let g = gradient(x: point.x, y: point.y)
        return Tensor([g.dx, g.dy])
    }

    /// The global minima (all with `f = 0`); empty for the saddle. Himmelblau's three
    /// non-integer minima are refined by Newton's method to full double precision.
    public var minima: [Point2D] {
        switch self {
        case .beale: return [Point2D(3, 0.5)]
        case .valley: return [Point2D(0, 0)]
        case .rosenbrock: return [Point2D(1, 1)]
        case .saddle: return []
        case .himmelblau:
            return [Point2D(3, 2), Point2D(-2.805118086952745, 3.131312518250573),
                    Point2D(-3.779310253377747, -3.2831859912861696), Point2D(3.5844283403304917, -1.8481265269644034)]
        }
    }

    /// The minimum value `f* = 0`, or `nil` when `f` is unbounded below (the saddle).
    public var minimumValue: Double? { self == .saddle ? nil : 0 }

    /// The rectangle a contour plot shows; for the saddle, also where a run stops ("left the
    /// domain"), since `f → −∞` along `y`.
    public var domain: PlotDomain {
        switch self {
        case .beale: return PlotDomain(x: -4.5...4.5, y: -4.5...4.5)
        case .valley: return PlotDomain(x: -10...10, y: -4...4)
        case .rosenbrock: return PlotDomain(x: -2...2, y: -1...3)
        case .saddle: return PlotDomain(x: -2...2, y: -2...2)
        case .himmelblau: return PlotDomain(x: -5...5, y: -5...5)
        }
    }

    /// A start that shows the function's character: Beale's flat plateau, the far end of the
    /// valley, Rosenbrock's classic (−1.2, 1), just off the saddle's ridge (so the escape along
    /// `y` starts from a tiny 1e-3), and Himmelblau's centre between its four minima.
    public var defaultStart: Point2D {
        switch self {
        case .beale: return Point2D(1, 1.5)
        case .valley: return Point2D(-9, 2)
        case .rosenbrock: return Point2D(-1.2, 1)
        case .saddle: return Point2D(-1.5, 1e-3)
        case .himmelblau: return Point2D(0, 0)
        }
    }

    /// Beale's three residuals `a, b, c`.
    private static func bealeTerms(_ x: Double, _ y: Double) -> (Double, Double, Double) {
        (1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y * y * y)
    }
}

extension TestFunction {
    /// Parses a command-line name (`beale`, `valley`, …); the error lists the valid names.
    public init(parsing text: String) throws {
        guard let function = TestFunction(rawValue: text.lowercased()) else {
            throw LabError("unknown test function '\(text)'; valid: \(Self.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = function
    }
}
