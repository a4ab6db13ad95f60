/// An error caused by the user's input or environment, with a one-line message that says what
/// went wrong and what to do. The `lab` tool prints it on stderr and exits non-zero.
///
/// Programming errors (a shape mismatch inside the engine) are `precondition` failures instead.
public struct LabError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
