import DynamoDB
import StudyModel
import StudyStore

/// Builds the services of the DynamoDB backend on the seeds' tables (`<prefix>-users`, …).
public enum DynamoStore {
    /// The seeds' default table prefix.
    public static let defaultPrefix = "ai-study-circle"

    /// Configures a client like the AWS SDKs and the seeds do and returns the services.
    ///
    /// - Parameters:
    ///   - prefix: `DYNAMODB_TABLE_PREFIX`.
    ///   - endpoint: an endpoint override (DynamoDB Local, moto); nil uses `environment`'s
    ///     `DYNAMODB_ENDPOINT` / `AWS_ENDPOINT_URL_DYNAMODB` / `AWS_ENDPOINT_URL`, else AWS.
    ///   - region, profile: override `AWS_REGION` and `AWS_PROFILE` of `environment`.
    ///   - environment: the variables for the credential chain (environment, `.env`, config).
    ///   - admin: for `setup`, `tables` and `doctor`. Neither mode checks that the tables exist:
    ///     operations on missing tables fail with `StoreError.missingSchema` ("Run `studycircle setup`").
    /// - Throws: `StoreError.unavailable` for a malformed endpoint or a missing/unknown region.
    ///   - tables: logical table → existing table name (`[dynamodb.tables]`), see `DynamoSchema`.
    public static func open(prefix: String, endpoint: String? = nil, region: String? = nil, profile: String? = nil,
                            environment: [String: String], admin: Bool = false, tables: [String: String] = [:]) async throws -> StudyStore {
        var variables = environment
        if let endpoint, !endpoint.isEmpty { variables["DYNAMODB_ENDPOINT"] = endpoint }
        if let region, !region.isEmpty { variables["AWS_REGION"] = region }
        if let profile, !profile.isEmpty { variables["AWS_PROFILE"] = profile }
        let client: DynamoDBClient
        do {
            client = try DynamoDBClient.fromEnvironment(variables)
        } catch let error as AWSConfigurationError {
            throw StoreError.unavailable(error.description)
        } catch let error as DynamoDBError {
            throw StoreError.unavailable(error.plainWords)
        }
        let explicit = (try? DynamoDBEndpoint.explicit(in: variables)) ?? nil
        let place = explicit?.url ?? client.region
        return make(client: client, prefix: prefix, backendName: "dynamodb:\(place)/\(prefix)", tables: tables)
    }

    /// The services on an already configured client (tests, benchmarks). `clock` (ms since 1970)
    /// is the time the message feed reads activity buckets by; tests move it by hand.
    public static func make(client: DynamoDBClient, prefix: String, backendName: String? = nil, tables: [String: String] = [:],
                            clock: @escaping @Sendable () -> Int64 = { Timestamp.now().millisecondsSince1970 }) -> StudyStore {
        let db = Dynamo(client: client)
        let schema = DynamoSchema(prefix: prefix, tables: tables)
        return StudyStore(
            backendName: backendName ?? "dynamodb:\(client.endpoint)/\(prefix)",
            users: DynamoUserService(db, schema), content: DynamoContentService(db, schema),
            summaries: DynamoSummaryService(db, schema), exams: DynamoExamService(db, schema),
            templates: DynamoTemplateService(db, schema), rooms: DynamoChatRoomService(db, schema),
            messages: DynamoMessageService(db, schema, clock: clock), meetings: DynamoMeetingService(db, schema),
            projects: DynamoProjectService(db, schema), admin: DynamoAdmin(client: client, schema: schema))
    }
}
