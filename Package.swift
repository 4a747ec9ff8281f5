// swift-tools-version: 6.1
// Rota: on-call rotations and pipeline ownership planned as an integer program solved with GLPK.
// Licensed GPL-3.0-or-later (Rota links GLPK, which is GPL-3.0).

import PackageDescription

let package = Package(
    name: "Rota",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rota", targets: ["rota"]),
        .executable(name: "rota-benchmark", targets: ["RotaBenchmark"]),
        .library(name: "RotaCore", targets: ["RotaCore", "RotaPlanning", "RotaChecking", "RotaModel"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // SHA-256 digests of a plan's inputs (manifest.json), so `rota check` can tell a stale schedule.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // GLPK's C API (Debian: libglpk-dev). Nothing but LinearProgramming imports it.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // Variables, linear expressions, named constraints, objectives and solve results over GLPK.
        .target(
            name: "LinearProgramming",
            dependencies: ["CGLPK"]
        ),
        // The flow, one target per layer; each imports only those before it (scripts/check-layers.sh keeps it so).
        // Vocabulary and readers: dates, scenarios, calendars, schedules, rules; YAML, iCalendar and CSV reading.
        .target(
            name: "RotaModel",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The independent judge of any schedule: hard rules, soft findings, fairness figures. Never the solver.
        .target(
            name: "RotaChecking",
            dependencies: ["RotaModel"]
        ),
        // The integer program and its solve: the only user of LinearProgramming.
        .target(
            name: "RotaPlanning",
            dependencies: ["RotaModel", "RotaChecking", "LinearProgramming"]
        ),
        // Reports, and the commands' orchestration (plan, check, compare) the CLI calls.
        .target(
            name: "RotaCore",
            dependencies: [
                "RotaModel", "RotaChecking", "RotaPlanning",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The command line: parses arguments, calls RotaCore, prints.
        .executableTarget(
            name: "rota",
            dependencies: [
                "RotaCore", "RotaModel", "RotaChecking", "RotaPlanning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What only the benchmark compares Rota with: the on-call tools' usual heuristics, and the figures it
        // judges any schedule by. Not shipped in the library.
        .target(
            name: "BenchmarkSupport",
            dependencies: ["RotaModel", "RotaChecking"]
        ),
        // The benchmark (scripts/benchmark-scale.sh): generated S/M/L/XL teams, heuristics, CBC and HiGHS.
        .executableTarget(
            name: "RotaBenchmark",
            dependencies: [
                "RotaCore", "RotaModel", "RotaChecking", "RotaPlanning",
                "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LinearProgrammingTests",
            dependencies: ["LinearProgramming", "CGLPK"]
        ),
        .testTarget(
            name: "RotaCoreTests",
            dependencies: [
                "RotaCore", "RotaModel", "RotaChecking", "RotaPlanning", "LinearProgramming",
                "BenchmarkSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .testTarget(
            name: "RotaCLITests",
            dependencies: ["rota"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
