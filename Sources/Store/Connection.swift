import CSQLite

/// One SQLite connection with a prepared-statement cache. NOT thread-safe on its own: `Database` hands each
/// connection to one thread at a time (see the concurrency model there), which is why it is not Sendable.
public final class Connection {
    private let handle: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]

    init(path: String, readOnly: Bool, busyTimeoutMilliseconds: Int32) throws(StoreError) {
        var opened: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
            | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let rc = sqlite3_open_v2(path, &opened, flags, nil)
        guard rc == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let opened { sqlite3_close_v2(opened) }
            throw Self.error(rc, message)
        }
        handle = opened
        try check(sqlite3_busy_timeout(handle, busyTimeoutMilliseconds))
        try check(sqlite3_extended_result_codes(handle, 1))
        try execute("PRAGMA foreign_keys = ON")
        try execute("PRAGMA trusted_schema = OFF")
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without bindings (schema, pragmas).
    public func execute(_ sql: String) throws(StoreError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errorMessage)
            throw Self.error(rc, message)
        }
    }

    /// Runs a statement and returns every row.
    @discardableResult
    public func query(_ sql: String, _ bindings: [any SQLBindable] = []) throws(StoreError) -> [Row] {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        try bind(bindings, to: statement)
        let count = sqlite3_column_count(statement)
        var columns: [String: Int] = [:]
        for index in 0..<count {
            columns[String(cString: sqlite3_column_name(statement, index))] = Int(index)
        }
        var rows: [Row] = []
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw lastError(rc) }
            var values: [SQLValue] = []
            values.reserveCapacity(Int(count))
            for index in 0..<count { values.append(column(statement, index)) }
            rows.append(Row(columns: columns, values: values))
        }
        return rows
    }

    /// Runs a statement that returns no rows; returns how many rows it changed.
    @discardableResult
    public func run(_ sql: String, _ bindings: [any SQLBindable] = []) throws(StoreError) -> Int {
        try query(sql, bindings)
        return Int(sqlite3_changes(handle))
    }

    /// The first row, if any.
    public func first(_ sql: String, _ bindings: [any SQLBindable] = []) throws(StoreError) -> Row? {
        try query(sql, bindings).first
    }

    /// The rowid of the last INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// `immediate` takes the write lock at BEGIN, so two writers never deadlock upgrading.
    public func transaction<T>(immediate: Bool = true, _ body: (Connection) throws -> T) throws -> T {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
        do {
            let result = try body(self)
            try execute("COMMIT")
            return result
        } catch {
            _ = sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
            throw error
        }
    }

    // MARK: - Internals

    private func prepared(_ sql: String) throws(StoreError) -> OpaquePointer {
        if let cached = statements[sql] { return cached }
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw lastError(rc) }
        statements[sql] = statement
        return statement
    }

    private func bind(_ bindings: [any SQLBindable], to statement: OpaquePointer) throws(StoreError) {
        guard Int(sqlite3_bind_parameter_count(statement)) == bindings.count else {
            throw StoreError(.other, resultCode: SQLITE_RANGE, message: "binding count does not match the SQL")
        }
        for (offset, binding) in bindings.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch binding.sqlValue {
            case .integer(let value): rc = sqlite3_bind_int64(statement, index, value)
            case .real(let value): rc = sqlite3_bind_double(statement, index, value)
            case .text(let value): rc = sqlite3_bind_text(statement, index, value, -1, paramedic_sqlite_transient())
            case .blob(let value):
                rc = value.withUnsafeBytes { bytes in
                    sqlite3_bind_blob64(statement, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                        sqlite3_uint64(bytes.count), paramedic_sqlite_transient())
                }
            case .null: rc = sqlite3_bind_null(statement, index)
            }
            guard rc == SQLITE_OK else { throw lastError(rc) }
        }
    }

    private func column(_ statement: OpaquePointer, _ index: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, index) else { return .text("") }
            let length = Int(sqlite3_column_bytes(statement, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite3_column_bytes(statement, index))
            guard length > 0, let bytes = sqlite3_column_blob(statement, index) else { return .blob([]) }
            return .blob([UInt8](UnsafeRawBufferPointer(start: bytes, count: length)))
        default: return .null
        }
    }

    private func check(_ rc: Int32) throws(StoreError) {
        guard rc == SQLITE_OK else { throw lastError(rc) }
    }

    private func lastError(_ rc: Int32) -> StoreError {
        Self.error(rc, String(cString: sqlite3_errmsg(handle)))
    }

    static func error(_ rc: Int32, _ message: String) -> StoreError {
        let primary = rc & 0xff
        let code: StoreError.Code
        switch primary {
        case SQLITE_BUSY, SQLITE_LOCKED: code = .busy
        case SQLITE_CONSTRAINT: code = .constraint
        case SQLITE_CORRUPT, SQLITE_NOTADB: code = .corrupt
        case SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM: code = .io
        default: code = .other
        }
        return StoreError(code, resultCode: rc, message: message)
    }
}
