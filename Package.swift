// swift-tools-version:5.9
import PackageDescription

/// NNLab: a visual lab for teaching how neural networks are trained.
///
/// - `NNEngine`: tensors, seeded random numbers, activations, initializers, statistics.
/// - `NNFiles`: reading and writing files: PNG through libpng, atomic files, deterministic JSON,
///   the staged output folder, interrupts.
/// - `NNRender`: figures through gnuplot.
/// - `NNImage`: images and their augmentation transforms.
/// - `labs/<name>`: one module per lecture experiment, computing plain values.
/// - `Gallery`: every figure under the output folder as one web page, `<out>/index.html`.
/// - `lab`: the command-line tool, one thin file per subcommand.
let package = Package(
    name: "NNLab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lab", targets: ["lab"]),
        .library(name: "NNEngine", targets: ["NNEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries from the system: libpng (Debian libpng-dev), OpenBLAS + LAPACKE
        // (libopenblas-dev, liblapacke-dev).
        .systemLibrary(name: "CLibPNG", path: "Sources/CLibPNG", pkgConfig: "libpng",
                       providers: [.apt(["libpng-dev"]), .brew(["libpng"])]),
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS",
                       providers: [.apt(["libopenblas-dev", "liblapacke-dev"]), .brew(["openblas"])]),
        // zlib (Debian zlib1g-dev), for the gzip-compressed data sets.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // libdeflate (Debian libdeflate-dev), for writing PNG fast (see Sources/NNFiles/PNGEncoder.swift).
        .systemLibrary(name: "CLibDeflate", path: "Sources/CLibDeflate", pkgConfig: "libdeflate",
                       providers: [.apt(["libdeflate-dev"]), .brew(["libdeflate"])]),

        // The engine's and the images' hand-vectorized loops, in C (see Sources/CKernels/include/CKernels.h).
        .target(name: "CKernels"),

        .target(name: "NNEngine", dependencies: ["COpenBLAS", "CZlib", "CKernels"]),
        .target(name: "NNFiles", dependencies: ["NNEngine", "CLibPNG", "CZlib", "CLibDeflate", "CKernels"]),
        .target(name: "NNRender", dependencies: ["NNEngine", "NNFiles"]),
        .target(name: "NNImage", dependencies: ["NNEngine", "NNFiles", "CKernels"]),

        // One module per lecture experiment.
        .target(name: "InitStudy", dependencies: ["NNEngine", "NNFiles", "NNRender"],
                path: "labs/init-study", exclude: ["README.md", "summary.png", "symmetry.png"]),
        .target(name: "Optimizers", dependencies: ["NNEngine", "NNFiles", "NNRender"],
                path: "labs/optimizers", exclude: ["README.md", "beale-contour.png", "saddle-animation.gif"]),

        .target(name: "AugmentLab", dependencies: ["NNEngine", "NNFiles", "NNRender", "NNImage"],
                path: "labs/augment", exclude: ["README.md"]),

        .target(name: "Grading", dependencies: ["NNEngine", "NNFiles", "NNRender"],
                path: "labs/grading", exclude: ["README.md"]),

        .target(name: "DropoutLab", dependencies: ["NNEngine", "NNFiles", "NNRender"],
                path: "labs/dropout", exclude: ["README.md"]),

        .target(name: "BabysitLab", dependencies: ["NNEngine", "NNFiles", "NNRender"],
                path: "labs/babysit", exclude: ["README.md"]),
        .target(name: "RegularizeLab", dependencies: ["NNEngine", "NNFiles", "NNRender", "COpenBLAS"],
                path: "labs/regularize", exclude: ["README.md"]),
        .target(name: "SearchLab", dependencies: ["NNEngine", "NNFiles", "NNRender"],
                path: "labs/search", exclude: ["README.md"]),
        .target(name: "NormalizeLab", dependencies: ["NNEngine", "NNFiles", "NNRender"],
                path: "labs/normalize", exclude: ["README.md"]),
        .target(name: "NeuronsLab", dependencies: ["NNEngine", "NNFiles", "NNRender"],
                path: "labs/neurons", exclude: ["README.md"]),

        .target(name: "LossesLab", dependencies: ["NNEngine", "NNFiles", "NNRender"],
                path: "labs/losses", exclude: ["README.md"]),

        // The figures of every lab as one web page, `<out>/index.html`.
        .target(name: "Gallery", dependencies: ["NNEngine", "NNFiles", "NNRender", "InitStudy", "AugmentLab", "Grading"]),

        .executableTarget(name: "lab", dependencies: [
            "NNEngine", "NNFiles", "NNRender", "NNImage", "Gallery",
            "InitStudy", "Optimizers", "AugmentLab", "Grading", "DropoutLab",
            "BabysitLab",
            "RegularizeLab",
            "SearchLab",
            "NormalizeLab",
            "NeuronsLab", "LossesLab",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "lab-bench", dependencies: [
            "NNEngine", "NNFiles", "NNImage",
            "InitStudy", "Optimizers", "AugmentLab", "Grading", "DropoutLab",
            "BabysitLab",
            "RegularizeLab",
            "SearchLab",
            "NormalizeLab",
            "NeuronsLab", "LossesLab",
        ], exclude: [
            "numpy_init_study.py", "numpy_init_statistics.py", "pillow_augment.py", "numpy_training.py",
            "pillow_png.py", "torch_training.py", "numpy_random.py",
            "numpy_babysit.py",
            "numpy_bias_variance.py",
            "numpy_search.py",
            "numpy_normalize.py",
            "numpy_neurons.py", "numpy_losses.py",
        ]),

        // What the tests share: running the built `lab`, temporary folders, file and error assertions.
        .target(name: "LabTestSupport", dependencies: ["NNEngine"], path: "Tests/LabTestSupport"),

        .testTarget(name: "NNEngineTests", dependencies: ["NNEngine"]),
        .testTarget(name: "NNFilesTests", dependencies: ["LabTestSupport", "NNFiles", "NNEngine"]),
        .testTarget(name: "NNRenderTests", dependencies: ["LabTestSupport", "NNRender", "NNFiles", "NNEngine"]),
        .testTarget(name: "NNImageTests", dependencies: ["NNImage", "NNEngine", "NNFiles", "CKernels"]),
        .testTarget(name: "AugmentTests", dependencies: ["LabTestSupport", "NNImage", "AugmentLab", "NNEngine", "NNFiles", "NNRender", "lab"]),
        .testTarget(name: "InitStudyTests", dependencies: ["LabTestSupport", "InitStudy", "NNEngine", "NNFiles", "NNRender", "lab"]),
        .testTarget(name: "OptimizersTests", dependencies: ["LabTestSupport", "Optimizers", "NNEngine", "NNFiles", "NNRender", "lab"]),
        .testTarget(name: "GradingTests", dependencies: ["LabTestSupport", "Grading", "NNEngine", "NNFiles", "NNRender", "lab"],
                    exclude: ["numpy"]),
        .testTarget(name: "DropoutLabTests", dependencies: ["LabTestSupport", "DropoutLab", "NNEngine", "NNFiles", "NNRender", "lab"]),
        .testTarget(name: "BabysitLabTests", dependencies: ["LabTestSupport", "BabysitLab", "NNEngine", "NNFiles", "NNRender", "lab"]),
        .testTarget(name: "RegularizeLabTests", dependencies: ["LabTestSupport", "RegularizeLab", "NNEngine", "NNFiles", "NNRender", "lab"]),
        .testTarget(name: "SearchLabTests", dependencies: ["LabTestSupport", "SearchLab", "NNEngine", "NNFiles", "lab"]),
        .testTarget(name: "NormalizeLabTests", dependencies: ["LabTestSupport", "NormalizeLab", "NNEngine", "NNFiles", "NNRender", "lab"]),
        // The random streams every lab uses, drawn together: no shared runs, no correlation.
        .testTarget(name: "StreamTests", dependencies: ["NNEngine", "InitStudy", "DropoutLab", "AugmentLab", "Grading",
                                                        "SearchLab",
                                                        "NormalizeLab",
                                                        "NeuronsLab", "LossesLab",
                                                        "BabysitLab", "RegularizeLab"]),
        .testTarget(name: "NeuronsLabTests", dependencies: ["LabTestSupport", "NeuronsLab", "NNEngine", "NNFiles", "NNRender", "lab"]),
        .testTarget(name: "LossesLabTests", dependencies: ["LabTestSupport", "LossesLab", "NNEngine", "NNFiles", "NNRender", "lab"]),
        // Bad input across every lab, through the built `lab` (the corpus of issue 12).
        .testTarget(name: "BadInputTests", dependencies: ["LabTestSupport", "lab"]),
        // The gallery page: captions, escaping, and a real browser (headless Chromium) loading it.
        .testTarget(name: "GalleryTests", dependencies: ["LabTestSupport", "Gallery", "NNEngine", "NNFiles", "NNRender", "lab"]),
        // The command line itself: its helpers, and every command's --help against a snapshot.
        .testTarget(name: "LabCommandTests", dependencies: ["LabTestSupport", "lab",
                                                            .product(name: "ArgumentParser", package: "swift-argument-parser")],
                    exclude: ["Snapshots"]),
        // Every lab's files under full disks, interrupts, concurrent runs and hostile paths.
        .testTarget(name: "OutputSafetyTests", dependencies: ["LabTestSupport", "NNEngine", "NNFiles", "NNRender", "lab"]),
    ]
)
