import StudyConfig
import StudyModel
import StudyStore
import StudyStoreSQLite
import StudyStoreDynamo
import StudyStoreMongo

/// Opens the backend that the configuration names (`DB_TYPE`).
public enum StoreFactory {
    /// `admin: true` opens without creating or upgrading the schema (for `setup`, `tables`, `doctor`).
    public static func open(_ settings: Settings, admin: Bool = false) async throws -> StudyStore {
        switch settings.dbType {
        case .sqlite:
            return try SQLiteStore.open(path: settings.sqlitePath, migrate: !admin)
        case .dynamodb:
            try RegionFormat.validate(settings)
            // Nothing is checked here: an app session on missing tables gets "Run `studycircle
            // setup`" from its first operation, and `setup`/`doctor` must work without them.
            return try await DynamoStore.open(prefix: settings.tablePrefix, endpoint: settings.endpoint,
                                              region: settings.region, profile: settings.profile,
                                              environment: settings.variables, admin: admin,
                                              tables: try settings.tableNames())
        case .mongodb:
            // Outside admin mode the indexes are ensured (idempotent) so uniqueness holds from
            // the first write; an unreachable server or refused login is reported here.
            return try await MongoStore.open(uri: settings.mongoURI, collections: settings.mongoCollections, admin: admin)
        }
    }
}
