// swift-tools-version:6.0
import PackageDescription

/// Issue 13: how the release `studycircle` is linked, so that a start touches few pages of it.
/// - lld (shipped with the Swift toolchain) lays out first the functions listed in
///   scripts/studycircle.order: the ~4,200 that a start, paging and the Library run (written by
///   scripts/gen_link_order.py, `make link-order`). Spread over 22 MB of code, they left 14 MB
///   of it resident (the kernel maps up to 64 KB around every page touched); placed together,
///   with the rest of the input sections that hold them (the prebuilt runtime and Foundation
///   are only partly split per function), ~7.5 MB. Names the file lists that no longer exist are
///   skipped quietly; new functions simply come after. SwiftPM does not see the file as an
///   input of the link: after changing it, remove .build/release/studycircle to relink.
/// - The relative relocations are packed (DT_RELR, glibc 2.36+): 2 MB fewer to read at each start.
/// - `--no-export-dynamic`: the toolchain's static-stdlib arguments export every symbol of our
///   own modules (14,000) to the dynamic loader, which then searches them for every symbol that
///   libc, SQLite or ncurses resolve; nothing loads a plug-in that would need them.
/// - `scripts/static-link` is searched first: its `libNAME.so` linker scripts name the static
///   archives of libstdc++, SQLite, ncursesw/tinfo and cmark-gfm, so those are linked in rather
///   than loaded and relocated at every start (see scripts/static-link/README.md).
let startupLayout: [String] = [
    "-L", "\(Context.packageDirectory)/scripts/static-link",
    "-use-ld=lld",
    "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/scripts/studycircle.order",
    "-Xlinker", "--no-warn-symbol-ordering",
    "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
    "-Xlinker", "--no-export-dynamic",
]

/// Release code generation of our modules (issue 13):
/// - every function in a section of its own, so that the linker can place the ones in
///   scripts/studycircle.order together (the Swift runtime and Foundation come built that way);
/// - concrete generic types (`DocumentTable<User>`, `[Int32: Key]`) through their metadata
///   accessors, with the witness tables passed in, instead of from mangled names: the runtime
///   then has no generic requirement to check, and each check it skips was a scan of all
///   ~7,500 conformance records of the static binary (~0.15 ms each, 30-40 of them at start).
let releaseFlags = ["-Xfrontend", "-function-sections", "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]
let releaseCodegen: [SwiftSetting] = [.unsafeFlags(releaseFlags, .when(platforms: [.linux], configuration: .release))]

let package = Package(
    name: "StudyCircle",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "studycircle", targets: ["studycircle"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // System libraries (Debian: libncurses-dev, libcurl4-openssl-dev, libssl-dev, libcmark-gfm-dev).
        .systemLibrary(name: "CNCursesW"),
        .systemLibrary(name: "CCurl"),
        .systemLibrary(name: "COpenSSL"),
        .systemLibrary(name: "CCmark"),
        // libmongoc/libbson (Debian: libmongoc-1.0-0), loaded with dlopen only when DB_TYPE=mongodb.
        .systemLibrary(name: "CMongoC"),

        // Entities, ids, timestamps, validation, errors.
        .target(name: "StudyModel", swiftSettings: releaseCodegen),
        // Configuration: flags, environment, .env, config.toml, defaults.
        .target(name: "StudyConfig", dependencies: [
            "StudyModel",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ], swiftSettings: releaseCodegen),
        // Service protocols, errors, cursors, the importer, password hashing, room access and
        // the checks every backend shares. No database library here.
        .target(name: "StudyStore", dependencies: ["StudyModel", "COpenSSL"], swiftSettings: releaseCodegen),
        // The embedded SQLite backend (GRDB).
        .target(name: "StudyStoreSQLite", dependencies: [
            "StudyStore", "StudyModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], swiftSettings: releaseCodegen),
        // HTTP over libcurl, shared by the DynamoDB client and the LLM provider.
        .target(name: "StudyHTTP", dependencies: ["StudyModel", "CCurl"], swiftSettings: releaseCodegen),
        // Our own DynamoDB client: SigV4, credentials, codec, operations, retries.
        .target(name: "DynamoDB", dependencies: ["StudyModel", "StudyHTTP", "COpenSSL"], swiftSettings: releaseCodegen),
        // The storage services on DynamoDB tables.
        .target(name: "StudyStoreDynamo", dependencies: ["StudyStore", "DynamoDB"], swiftSettings: releaseCodegen),
        // The storage services on MongoDB collections, through the official C driver.
        .target(name: "StudyStoreMongo", dependencies: ["StudyStore", "CMongoC"], swiftSettings: releaseCodegen),
        // Picks a backend from configuration.
        .target(name: "StudyBackend", dependencies: ["StudyStore", "StudyStoreSQLite", "StudyStoreDynamo", "StudyStoreMongo", "StudyConfig", "StudyHTTP"], swiftSettings: releaseCodegen),
        // Summaries, exams, grading; optional OpenAI-compatible provider.
        .target(name: "StudyEngine", dependencies: ["StudyModel", "StudyHTTP"], swiftSettings: releaseCodegen),
        // Application core: state, actions, reducer, effects. No curses here.
        .target(name: "StudyApp", dependencies: ["StudyModel", "StudyStore", "StudyEngine", "StudyConfig", "StudyHTTP"], swiftSettings: releaseCodegen),
        // ncurses frontend.
        .target(name: "StudyTUI", dependencies: [
            "StudyApp", "CNCursesW", "CCmark", "StudyConfig",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ], swiftSettings: releaseCodegen),
        .executableTarget(name: "studycircle", dependencies: [
            "StudyModel", "StudyConfig", "StudyStore", "StudyBackend", "StudyEngine", "StudyApp", "StudyTUI", "StudyHTTP",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: [
            // With the linker setting below: compiled this way, the module names the static
            // Foundation libraries (ICU included) for the linker, as `--static-swift-stdlib` does.
            .unsafeFlags(["-static-stdlib"] + releaseFlags, .when(platforms: [.linux], configuration: .release)),
        ], linkerSettings: [
            // Issue 13: the release binary carries the Swift runtime and Foundation itself, so the
            // dynamic loader neither maps a dozen Swift libraries nor resolves their symbols at every
            // start (about 8 ms of CPU and 3 MB resident less). Debug builds and tests stay dynamic.
            // `startupLayout` (below) is how it is linked.
            .unsafeFlags(["-static-stdlib"] + startupLayout, .when(platforms: [.linux], configuration: .release)),
        ]),
        // DynamoTestSupport (a library, not a test target) starts moto for the DynamoDB figures.
        .executableTarget(name: "StudyBench", dependencies: [
            "StudyModel", "StudyStore", "StudyEngine", "StudyApp", "StudyTUI", "DynamoDB", "StudyBackend", "DynamoTestSupport",
            "StudyStoreMongo", "StudyStoreDynamo", "StudyStoreSQLite",
        ]),

        // The storage conformance suite, written once, run against every backend.
        .target(name: "StoreConformance", dependencies: ["StudyStore", "StudyModel"], path: "Tests/StoreConformance"),

        // Temp folders, built-product lookup and process running, shared by the test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // A second process for the multi-process SQLite tests.
        .executableTarget(name: "store-writer", dependencies: ["StudyStore", "StudyStoreSQLite", "StudyModel"], path: "Tests/StoreWriter"),

        .testTarget(name: "StudyModelTests", dependencies: ["StudyModel"]),
        .testTarget(name: "StudyConfigTests", dependencies: ["StudyConfig"]),
        .testTarget(name: "StudyStoreTests", dependencies: [
            "StudyStore", "StudyStoreSQLite", "StoreConformance", "StudyBackend", "StudyConfig", "TestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Local moto server and fault proxy launchers, shared by the DynamoDB test targets.
        .target(name: "DynamoTestSupport", dependencies: ["DynamoDB", "StudyHTTP"], path: "Tests/DynamoTestSupport"),

        .testTarget(name: "DynamoDBTests", dependencies: ["DynamoDB", "StudyHTTP", "DynamoTestSupport"]),
        .testTarget(name: "StudyStoreDynamoTests", dependencies: ["StudyStoreDynamo", "StoreConformance", "DynamoDB", "StudyBackend", "StudyConfig", "StudyStore", "StudyModel", "DynamoTestSupport", "TestSupport"]),
        .testTarget(name: "StudyStoreMongoTests", dependencies: ["StudyStoreMongo", "StudyStoreSQLite", "StoreConformance", "StudyBackend", "StudyConfig", "StudyStore", "StudyModel", "StudyStoreDynamo", "DynamoTestSupport", "TestSupport"]),
        .testTarget(name: "StudyEngineTests", dependencies: ["StudyEngine", "StudyModel", "TestSupport", "StudyHTTP"]),
        .testTarget(name: "StudyAppTests", dependencies: ["StudyApp", "StudyStore", "StudyStoreSQLite"]),
        .testTarget(name: "StudyTUITests", dependencies: ["StudyTUI", "StudyApp", "StudyModel"]),
        // The real `studycircle` binary driven in tmux (`make test` builds it first).
        .testTarget(name: "TUIEndToEndTests", dependencies: ["StudyStore", "StudyStoreSQLite", "StudyModel", "TestSupport", "DynamoTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["StudyStore", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

