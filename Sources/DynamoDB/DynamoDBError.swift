import StudyHTTP

/// Any failure of a DynamoDB call: an error answer from the service, a transport failure, a
/// configuration problem, or retries running out. `plainWords` explains it to a student.
public struct DynamoDBError: Error, Sendable, CustomStringConvertible {
    /// The AWS error code (the part of `__type` after `#`), e.g. `ResourceNotFoundException`,
    /// or one of this client's codes: `EndpointUnreachable`, `Timeout`, `ConnectionReset`,
    /// `ChecksumMismatch`, `MissingCredentials`, `InvalidConfiguration`, `InvalidResponse`.
    public var code: String
    /// The service's (or library's) own message.
    public var message: String
    /// The HTTP status, or 0 when no response arrived.
    public var httpStatus: Int
    /// Whether trying the same request again may succeed.
    public var isRetryable: Bool
    /// The operation that failed, e.g. `PutItem`.
    public var operation: String
    /// The table involved, when known.
    public var tableName: String?
    /// The endpoint the request went to.
    public var endpoint: String?
    /// For `TransactionCanceledException`: one entry per transaction item, in order.
    public var cancellationReasons: [CancellationReason]
    /// How many attempts were made (1 when there was no retry).
    public var attempts: Int
    /// True when the error was retryable but the attempt limit was reached.
    public var retriesExhausted: Bool
    /// The transport failure behind a network error, if any.
    public var transportError: TransportError?
    /// True when a write may or may not have been applied (the answer was lost or damaged after
    /// the request was sent) and it was not retried because a retry could apply it twice.
    public var outcomeUnknown: Bool = false

    /// Why one item of a cancelled transaction failed (`Code` is `None` for items that were fine).
    public struct CancellationReason: Sendable, Equatable {
        public var code: String
        public var message: String?
        public var item: Item?
    }

    public init(code: String, message: String, httpStatus: Int = 0, isRetryable: Bool = false, operation: String,
                tableName: String? = nil, endpoint: String? = nil, cancellationReasons: [CancellationReason] = [],
                attempts: Int = 1, retriesExhausted: Bool = false, transportError: TransportError? = nil) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.isRetryable = isRetryable
        self.operation = operation
        self.tableName = tableName
        self.endpoint = endpoint
        self.cancellationReasons = cancellationReasons
        self.attempts = attempts
        self.retriesExhausted = retriesExhausted
        self.transportError = transportError
    }

    /// Throttling codes: the request was refused before it was applied, so it is always safe to retry.
    public static let throttlingCodes: Set<String> = [
        "ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded", "Throttling",
        "TooManyRequestsException", "LimitExceededException", "TransactionInProgressException",
    ]

    public var isThrottling: Bool { Self.throttlingCodes.contains(code) }
    public var isConditionalCheckFailed: Bool { code == "ConditionalCheckFailedException" }
    public var isResourceNotFound: Bool { code == "ResourceNotFoundException" }
    public var isTransactionCanceled: Bool { code == "TransactionCanceledException" }

    /// The DynamoDB IAM actions StudyCircle uses, for the AccessDenied explanation.
    public static let requiredActions = [
        "dynamodb:CreateTable", "dynamodb:DescribeTable", "dynamodb:ListTables", "dynamodb:DeleteTable",
        "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
        "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem",
        "dynamodb:ConditionCheckItem",
    ]

    /// An explanation in plain words, with what to do next.
    public var plainWords: String {
        let table = tableName.map { "'\($0)'" } ?? "the table"
        let base: String
        switch code {
        case "MissingCredentials", "InvalidConfiguration":
            base = message
        case "UnrecognizedClientException", "InvalidClientTokenId":
            base = "AWS does not recognise the access key. Check AWS_ACCESS_KEY_ID (or the key in your AWS profile) and that the key is still active; run `aws configure` to set a new one."
        case "InvalidSignatureException", "SignatureDoesNotMatch":
            base = "AWS rejected the request signature: the secret access key does not match the access key, or this computer's clock is wrong. Check AWS_SECRET_ACCESS_KEY (or your profile's secret) and the system time."
        case "ExpiredTokenException", "ExpiredToken":
            base = "Your temporary AWS credentials have expired. Get new ones (for example log in again) and update AWS_SESSION_TOKEN or your profile."
        case "MissingAuthenticationTokenException", "IncompleteSignatureException":
            base = "The request carried no valid AWS credentials. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws configure`."
        case "ResourceNotFoundException":
            base = "Table \(table) does not exist (or is not in this region/endpoint). Run `studycircle setup` to create the tables, and check AWS_REGION and DYNAMODB_TABLE_PREFIX."
        case "ResourceInUseException":
            base = "Table \(table) is being created, changed or deleted, or already exists. Wait a moment and try again."
        case "AccessDeniedException":
            base = "Your AWS identity is not allowed to do \(operation) on \(table). Ask for an IAM policy that allows these actions on the StudyCircle tables (and their indexes): \(Self.requiredActions.joined(separator: ", "))."
        case "ConditionalCheckFailedException":
            base = "The change was not made because the item was not in the expected state (it already exists, is missing, or was changed by someone else). Reload and try again."
        case "TransactionCanceledException":
            let reasons = cancellationReasons.enumerated()
                .filter { $0.element.code != "None" }
                .map { "item \($0.offset + 1): \($0.element.code)\($0.element.message.map { " (\($0))" } ?? "")" }
            base = "The transaction was cancelled and nothing in it was written" + (reasons.isEmpty ? "." : ": " + reasons.joined(separator: "; ") + ".")
        case "TransactionConflictException":
            base = "Another transaction was changing the same item at the same time. Nothing was written; try again."
        case "IdempotentParameterMismatchException":
            base = "The same transaction token was reused for a different transaction. Start the operation again."
        case "ValidationException", "SerializationException":
            base = "DynamoDB refused the request as invalid: \(message). This is usually a bug or a table whose keys do not match what StudyCircle expects; run `studycircle doctor`."
        case "ItemCollectionSizeLimitExceededException":
            base = "An item collection in \(table) grew past DynamoDB's 10 GB limit."
        case _ where isThrottling:
            base = "DynamoDB is throttling requests to \(table) (too many requests for its capacity). Wait a little and try again, or switch the table to on-demand (PAY_PER_REQUEST) capacity."
        case "EndpointUnreachable":
            base = "Cannot reach DynamoDB at \(endpoint ?? "the endpoint"). Check AWS_REGION and DYNAMODB_ENDPOINT (for DynamoDB Local, that it is running), and your network connection."
        case "Timeout":
            base = "DynamoDB at \(endpoint ?? "the endpoint") did not answer in time. The network may be slow or down; try again."
        case "ConnectionReset":
            base = "The connection to DynamoDB at \(endpoint ?? "the endpoint") was cut off. Try again; if it keeps happening, check your network or proxy."
        case "ChecksumMismatch":
            base = "DynamoDB's answer was damaged on the way (its checksum did not match). Try again; if it keeps happening, check for a proxy that rewrites traffic."
        case "InternalServerError", "ServiceUnavailable", "InternalFailure":
            base = "DynamoDB had an internal problem. Try again in a moment."
        default:
            base = message.isEmpty ? "DynamoDB refused \(operation) (\(code))." : "DynamoDB refused \(operation): \(message) (\(code))."
        }
        var text = base
        if outcomeUnknown {
            text += " The change may or may not have been saved; check before repeating it."
        }
        if retriesExhausted {
            text += " (Gave up after \(attempts) attempts.)"
        }
        return text
    }

    public var description: String {
        var text = "\(operation) failed: \(code)"
        if httpStatus != 0 { text += " (HTTP \(httpStatus))" }
        if !message.isEmpty { text += ": \(message)" }
        if attempts > 1 { text += " [after \(attempts) attempts]" }
        return text + " — " + plainWords
    }
}

extension DynamoDBError {
    /// Builds an error from a transport failure.
    static func transport(_ error: TransportError, operation: String, table: String?, endpoint: String) -> DynamoDBError {
        let code: String
        switch error.kind {
        case .dnsFailure, .connectionRefused, .invalidURL, .tls: code = "EndpointUnreachable"
        case .timeout: code = "Timeout"
        case .connectionReset: code = "ConnectionReset"
        case .other: code = "EndpointUnreachable"
        }
        let retryable = error.kind != .invalidURL && error.kind != .tls
        return DynamoDBError(code: code, message: error.description, isRetryable: retryable, operation: operation,
                             tableName: table, endpoint: endpoint, transportError: error)
    }

    /// Parses an AWS JSON error body: `{"__type":"com.amazonaws...#Code","message":"..."}`.
    static func service(status: Int, body: [UInt8], headers: HTTPHeaders, operation: String, table: String?, endpoint: String) -> DynamoDBError {
        let json = try? JSON.parse(body)
        var code = json?["__type"]?.stringValue ?? headers["x-amzn-ErrorType"] ?? ""
        if let hash = code.lastIndex(of: "#") { code = String(code[code.index(after: hash)...]) }
        if let colon = code.firstIndex(of: ":") { code = String(code[..<colon]) }
        if code.isEmpty { code = status >= 500 ? "InternalServerError" : "UnknownError" }
        let message = json?["message"]?.stringValue ?? json?["Message"]?.stringValue ?? (json == nil ? String(decoding: body.prefix(300), as: UTF8.self) : "")
        var reasons: [CancellationReason] = []
        if let list = json?["CancellationReasons"]?.arrayValue {
            reasons = list.map { entry in
                CancellationReason(code: entry["Code"]?.stringValue ?? "None", message: entry["Message"]?.stringValue,
                                   item: entry["Item"].flatMap { try? AttributeValue.item(from: $0) })
            }
        }
        let retryable = status >= 500 || throttlingCodes.contains(code) || code == "TransactionConflictException"
        return DynamoDBError(code: code, message: message, httpStatus: status, isRetryable: retryable, operation: operation,
                             tableName: table, endpoint: endpoint, cancellationReasons: reasons)
    }
}
