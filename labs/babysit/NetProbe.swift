import NNEngine

/// The net seen from inside at one epoch: every hidden activation layer's outputs and the loss
/// gradient arriving at them, on a fixed probe batch, and its dead units.
///
/// A ReLU unit is dead on the probe when its output is 0 for every probe example: it passes no
/// gradient back, so nothing will revive it (the lecture's "dead ReLU will never activate").
struct NetProbe: Sendable {
    /// 0 before training.
    var epoch: Int
    /// Per hidden activation layer, its outputs `h` [N·M] flattened (N probe examples, M units).
    var activations: [[Double]]
    /// Per hidden activation layer, `∂L/∂h` [N·M] flattened, `L` the probe's mean data loss.
    var gradients: [[Double]]
    /// Per hidden activation layer, the number of units whose output is 0 on every probe example.
    var deadUnits: [Int]
    var units: [Int]

    /// Runs `model` layer by layer on `probe` (inference mode), then back from the loss.
    static func take(_ model: Sequential, on probe: Dataset, epoch: Int, loss: Loss) -> NetProbe {
        var generator = RandomStream(seed: 0)  // no dropout in the probed nets: never drawn from
        var h = probe.features
        var caches: [Layer.Cache] = []
        var outputs: [Tensor] = []
        for i in model.layers.indices {
            var layer = model.layers[i]
            let (y, cache) = layer.forward(h, mode: .inference, using: &generator)
            caches.append(cache)
            outputs.append(y)
            h = y
        }
        let hidden = model.layers.indices.filter { i in
            if case .activation = model.layers[i], i < model.layers.count - 1 { return true }
            return false
        }
        var upstream = loss(h, .classes(probe.labels)).gradient
        var gradientAt: [Int: Tensor] = [:]
        for i in model.layers.indices.reversed() {
            gradientAt[i] = upstream  // ∂L/∂(output of layer i)
            upstream = model.layers[i].backward(upstream, cache: caches[i]).input
        }
        let deadUnits = hidden.map { i -> Int in
            let y = outputs[i]
            let (n, m) = (y.shape[0], y.shape[1])
            return (0..<m).filter { unit in (0..<n).allSatisfy { y.scalars[$0 * m + unit] == 0 } }.count
        }
        return NetProbe(epoch: epoch, activations: hidden.map { outputs[$0].scalars }, gradients: hidden.map { gradientAt[$0]!.scalars },
                        deadUnits: deadUnits, units: hidden.map { outputs[$0].shape[1] })
    }
}
