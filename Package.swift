// swift-tools-version:6.0
import PackageDescription

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
        .target(name: "StudyModel"),
        // Configuration: flags, environment, .env, config.toml, defaults.
        .target(name: "StudyConfig", dependencies: [
            "StudyModel",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // Service protocols, errors, cursors, the importer, password hashing, room access and
        // the checks every backend shares. No database library here.
        .target(name: "StudyStore", dependencies: ["StudyModel", "COpenSSL"]),
        // The embedded SQLite backend (GRDB).
        .target(name: "StudyStoreSQLite", dependencies: [
            "StudyStore", "StudyModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // HTTP over libcurl, shared by the DynamoDB client and the LLM provider.
        .target(name: "StudyHTTP", dependencies: ["StudyModel", "CCurl"]),
        // Our own DynamoDB client: SigV4, credentials, codec, operations, retries.
        .target(name: "DynamoDB", dependencies: ["StudyModel", "StudyHTTP", "COpenSSL"]),
        // The storage services on DynamoDB tables.
        .target(name: "StudyStoreDynamo", dependencies: ["StudyStore", "DynamoDB"]),
        // The storage services on MongoDB collections, through the official C driver.
        .target(name: "StudyStoreMongo", dependencies: ["StudyStore", "CMongoC"]),
        // Picks a backend from configuration.
        .target(name: "StudyBackend", dependencies: ["StudyStore", "StudyStoreSQLite", "StudyStoreDynamo", "StudyStoreMongo", "StudyConfig", "StudyHTTP"]),
        // Summaries, exams, grading; optional OpenAI-compatible provider.
        .target(name: "StudyEngine", dependencies: ["StudyModel", "StudyHTTP"]),
        // Application core: state, actions, reducer, effects. No curses here.
        .target(name: "StudyApp", dependencies: ["StudyModel", "StudyStore", "StudyEngine", "StudyConfig", "StudyHTTP"]),
        // ncurses frontend.
        .target(name: "StudyTUI", dependencies: [
            "StudyApp", "CNCursesW", "CCmark", "StudyConfig",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .executableTarget(name: "studycircle", dependencies: [
            "StudyModel", "StudyConfig", "StudyStore", "StudyBackend", "StudyEngine", "StudyApp", "StudyTUI", "StudyHTTP",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: [
            // With the linker setting below: compiled this way, the module names the static
            // Foundation libraries (ICU included) for the linker, as `--static-swift-stdlib` does.
            .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
        ], linkerSettings: [
            // Issue 13: the release binary carries the Swift runtime and Foundation itself, so the
            // dynamic loader neither maps a dozen Swift libraries nor resolves their symbols at every
            // start (about 8 ms of CPU and 3 MB resident less). GNU ld (binutils) packs the relative
            // relocations (DT_RELR, glibc 2.36+): 2 MB of them are no longer read at each start.
            // Debug builds and tests stay dynamic.
            .unsafeFlags(["-static-stdlib", "-use-ld=bfd", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                         .when(platforms: [.linux], configuration: .release)),
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
