import ArgumentParser
import StudyConfig

/// Options every command takes. They win over the environment, `.env` and `config.toml`.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("db-type"), help: "Storage backend: sqlite (default), dynamodb or mongodb. Env: DB_TYPE.")
    var dbType: String?

    @Option(name: .customLong("db"), help: "SQLite database file. Env: STUDYCIRCLE_DB. Default: $XDG_DATA_HOME/studycircle/studycircle.db.")
    var db: String?

    @Option(name: .customLong("table-prefix"), help: "DynamoDB table name prefix. Env: DYNAMODB_TABLE_PREFIX. Default: ai-study-circle.")
    var tablePrefix: String?

    @Option(name: .customLong("endpoint"), help: "DynamoDB endpoint URL, e.g. http://localhost:8000. Env: DYNAMODB_ENDPOINT.")
    var endpoint: String?

    @Option(name: .customLong("user"), help: "Your username (local user on SQLite; login name on shared backends). Env: STUDYCIRCLE_USER, else $USER.")
    var user: String?

    var overrides: Overrides {
        Overrides(dbType: dbType, db: db, tablePrefix: tablePrefix, endpoint: endpoint, user: user)
    }
}
