import StudyConfig
import StudyModel
import StudyStore

/// Opens the backend that the configuration names (`DB_TYPE`).
public enum StoreFactory {
    /// `admin: true` opens without creating or upgrading the schema (for `setup`, `tables`, `doctor`).
    public static func open(_ settings: Settings, admin: Bool = false) async throws -> StudyStore {
        switch settings.dbType {
        case .sqlite:
            return try SQLiteStore.open(path: settings.sqlitePath, migrate: !admin)
        case .dynamodb:
            throw StoreError.unavailable(
                "The DynamoDB backend is not available in this build yet. Use DB_TYPE=sqlite (the default).")
        case .mongodb:
            throw StoreError.unavailable(
                "The MongoDB backend is not available yet. Use DB_TYPE=sqlite (the default) or DB_TYPE=dynamodb.")
        }
    }
}
