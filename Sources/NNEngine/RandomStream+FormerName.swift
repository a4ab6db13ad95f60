/// The engine's generator was xoshiro256**, split into streams by jumps at consecutive
/// positions; those streams overlapped (a split sibling's chunk streams were the next sibling's),
/// so it was replaced by the keyed `RandomStream`. The name remains only so that code written
/// against it (the grading exercises' `makeProblem(using:)`) compiles; it is a `RandomStream`.
public typealias Xoshiro256StarStar = RandomStream
