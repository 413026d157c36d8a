// swift-tools-version:6.0
import PackageDescription

// Layers (arrows point down, nothing points up):
//   paramedic (CLI) -> App -> HTTP, Security, Store, Audio, Speech, Clinical
//   HTTP -> CMHD; Security -> CCrypto; Vault -> Security; Store -> CSQLite; Audio -> CSndfile, CSampleRate, CALSA;
//   Speech -> CPocketSphinx; Clinical is pure Swift (no C, no I/O).
// Each C library is a system-library target with a module.modulemap and a shim.h that explains every shim.

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "ParamedicRecorder",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "paramedic", targets: ["paramedic"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.12.0"),   // 1.12: LogHandler.log(event:) with the error
    ],
    targets: [
        // MARK: C libraries (Debian packages)
        .systemLibrary(name: "CMHD", pkgConfig: "libmicrohttpd",
                       providers: [.apt(["libmicrohttpd-dev", "libgnutls28-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CALSA", pkgConfig: "alsa", providers: [.apt(["libasound2-dev"])]),
        .systemLibrary(name: "CSndfile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CSampleRate", pkgConfig: "samplerate", providers: [.apt(["libsamplerate0-dev"])]),
        .systemLibrary(name: "CEpoll"),   // glibc's <sys/epoll.h> (no package, nothing to link): bench-tablets only
        .systemLibrary(name: "CPocketSphinx", pkgConfig: "pocketsphinx",
                       providers: [.apt(["libpocketsphinx-dev", "libsphinxbase-dev", "pocketsphinx-en-us"])]),

        // MARK: Swift modules
        .target(name: "HTTP", dependencies: ["CMHD", "Security", .product(name: "Logging", package: "swift-log")],
                swiftSettings: strict),
        .target(name: "Security", dependencies: ["CCrypto"], swiftSettings: strict),
        .target(name: "Store", dependencies: ["CSQLite"], swiftSettings: strict),
        .target(name: "Vault", dependencies: ["Security"], swiftSettings: strict),
        .target(name: "Audio", dependencies: ["CSndfile", "CSampleRate", "CALSA"], swiftSettings: strict),
        .target(name: "Speech", dependencies: ["CPocketSphinx"], resources: [.copy("Model")], swiftSettings: strict),
        .target(name: "Clinical", swiftSettings: strict),
        .target(name: "App",
                dependencies: ["HTTP", "Security", "Store", "Vault", "Audio", "Speech", "Clinical",
                               .product(name: "Logging", package: "swift-log")],
                swiftSettings: strict),
        .executableTarget(name: "paramedic",
                          dependencies: ["App", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                                         .product(name: "Logging", package: "swift-log")],
                          swiftSettings: strict),

        // MARK: Benchmarks (release executables; `swift run -c release bench-…`; ratios against an in-run baseline)
        .executableTarget(name: "bench-security", dependencies: ["Security"], swiftSettings: strict),
        .executableTarget(name: "bench-vault", dependencies: ["Vault", "Security"], swiftSettings: strict),
        .executableTarget(name: "bench-clinical", dependencies: ["Clinical"], swiftSettings: strict),
        .executableTarget(name: "bench-audit", dependencies: ["App", "Store"], swiftSettings: strict),
        .executableTarget(name: "bench-tablets",
                          dependencies: ["App", "HTTP", "Security", "Store", "CEpoll",
                                         .product(name: "Logging", package: "swift-log")],
                          swiftSettings: strict),
        .executableTarget(name: "bench-e2e",
                          dependencies: ["App", "Audio", "Speech", "Clinical", .product(name: "Logging", package: "swift-log")],
                          swiftSettings: strict),
        .executableTarget(name: "bench-speech", dependencies: ["Audio", "Speech"], swiftSettings: strict),
        // Rebuilds Sources/Speech/Model/handover.lm from its recipe (a developer tool, not part of the product).
        .executableTarget(name: "build-language-model", dependencies: ["Speech"], swiftSettings: strict),

        // MARK: Tests (Swift Testing, real parts)
        .testTarget(name: "ClinicalTests", dependencies: ["Clinical"],
                    resources: [.copy("Corpus"), .copy("HeldOut"), .copy("HeldOut2"), .copy("HeldOut3"),
                                .copy("HeldOut4"), .copy("HeldOut5"), .copy("HeldOut6"),
                                .copy("HeldOut7"), .copy("HeldOut8"), .copy("HeldOut9"),
                                .copy("HeldOut10"), .copy("HeldOut11"), .copy("HeldOut12"),
                                .copy("HeldOut13"), .copy("HeldOut14"),
                                .copy("HeldOut15"), .copy("HeldOut16"), .copy("HeldOut17"),
                                .copy("HeldOut18"), .copy("HeldOut19"), .copy("HeldOut20"),
                                .copy("HeldOut21"), .copy("HeldOut22"), .copy("HeldOut23"),
                                .copy("HeldOut24")],
                    swiftSettings: strict),
        .testTarget(name: "SecurityTests", dependencies: ["Security"], swiftSettings: strict),
        .testTarget(name: "VaultTests", dependencies: ["Vault", "Security"], swiftSettings: strict),
        .testTarget(name: "MediaTests", dependencies: ["Audio", "Speech"], swiftSettings: strict),
        .testTarget(name: "ServerTests",
                    dependencies: ["App", "HTTP", "Security", "Speech", "Store", "paramedic",
                                   .product(name: "Logging", package: "swift-log")],
                    swiftSettings: strict),
    ]
)
