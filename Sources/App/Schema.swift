import Store

/// The database schema, as versioned migrations (`PRAGMA user_version`). Never edit a shipped step: add one.
enum Schema {
    static let migrations: [Migration] = [
        Migration(version: 1, sql: """
        CREATE TABLE teams (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64)
        );
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 3 AND 64),
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('paramedic', 'supervisor', 'auditor', 'admin')),
            disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
            token_version INTEGER NOT NULL DEFAULT 1,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE user_teams (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
            PRIMARY KEY (user_id, team_id)
        ) WITHOUT ROWID;
        CREATE TABLE device_sessions (
            id TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            bound_at INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
        );
        CREATE INDEX device_sessions_user ON device_sessions(user_id);
        CREATE TABLE refresh_tokens (
            token_hash BLOB PRIMARY KEY,
            family TEXT NOT NULL,
            user_id INTEGER NOT NULL REFERENCES users(id),
            session_id TEXT NOT NULL,
            issued_at INTEGER NOT NULL,
            family_started_at INTEGER NOT NULL,
            access_jti TEXT,
            access_exp INTEGER,
            used INTEGER NOT NULL DEFAULT 0,
            revoked INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX refresh_tokens_family ON refresh_tokens(family);
        CREATE INDEX refresh_tokens_user ON refresh_tokens(user_id);
        CREATE TABLE revoked_tokens (
            jti TEXT PRIMARY KEY,
            expires_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE login_throttle (
            key TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            locked_until INTEGER NOT NULL,
            window_start INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor_id INTEGER,
            actor_username TEXT,
            actor_role TEXT,
            session_short TEXT,
            client_ip TEXT,
            action TEXT NOT NULL,
            target_type TEXT,
            target_id TEXT,
            outcome TEXT NOT NULL,
            reason TEXT,
            mac BLOB NOT NULL
        );
        CREATE INDEX audit_log_at ON audit_log(at);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TABLE recordings (
            id TEXT PRIMARY KEY,
            owner_id INTEGER NOT NULL REFERENCES users(id),
            session_id TEXT NOT NULL,
            team_id INTEGER REFERENCES teams(id),
            source TEXT NOT NULL CHECK (source IN ('stream', 'upload', 'alsa')),
            status TEXT NOT NULL CHECK (status IN ('recording', 'processing', 'ready', 'failed', 'interrupted')),
            file_stamp TEXT NOT NULL,
            sample_rate INTEGER NOT NULL DEFAULT 16000,
            committed_seq INTEGER NOT NULL DEFAULT -1,
            samples INTEGER NOT NULL DEFAULT 0,
            failure_reason TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX recordings_one_active ON recordings(session_id) WHERE status = 'recording';
        CREATE INDEX recordings_owner ON recordings(owner_id, created_at);
        CREATE TABLE vault_files (
            recording_id TEXT NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
            type TEXT NOT NULL CHECK (type IN ('recording', 'transcript', 'analysis', 'report')),
            file_name TEXT NOT NULL UNIQUE,
            kek_id TEXT NOT NULL,
            wrapped_key BLOB NOT NULL,
            complete INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (recording_id, type)
        ) WITHOUT ROWID;
        CREATE TABLE jobs (
            recording_id TEXT PRIMARY KEY REFERENCES recordings(id) ON DELETE CASCADE,
            state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'ready', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            engine TEXT,
            error TEXT,
            queued_at INTEGER NOT NULL,
            finished_at INTEGER
        ) WITHOUT ROWID;
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """),
        // Version 2: the authorization epoch. Authentication caches what it read about a token (user, role, teams,
        // device session, revocation) together with this counter, read in the same statement; a cached answer
        // is used only while the counter is unchanged. These triggers bump it in the same transaction as ANY
        // change that could alter an answer, whoever writes (this server, the `paramedic` CLI in another
        // process, a future code path): every insert, update or delete of users, teams, user_teams and
        // revoked_tokens, and of device_sessions except an update that changes nothing but `last_seen` (once a
        // minute per session; it would otherwise empty the cache all the time). A later migration that adds a
        // column to device_sessions must add it to that trigger's WHEN.
        Migration(version: 2, sql: """
        CREATE TABLE auth_epoch (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            value INTEGER NOT NULL
        );
        INSERT INTO auth_epoch (id, value) VALUES (1, 0);
        \(authEpochTriggers)
        """),
        // Version 3: the file's segment count, committed with each chunk's seq. A chunk that resamples to no sample
        // (an empty body, two samples at 44.1 kHz) writes no segment, so `committed_seq + 1` is not the number of
        // segments to keep after a crash (recovery refused the file and the whole recording was lost). NULL in
        // rows written before: `committed_seq + 1`, as then.
        Migration(version: 3, sql: """
        ALTER TABLE recordings ADD COLUMN committed_segments INTEGER;
        """),
    ]

    /// One AFTER trigger per (table, operation) that can change an authentication answer.
    private static var authEpochTriggers: String {
        let bump = "UPDATE auth_epoch SET value = value + 1 WHERE id = 1;"
        var sql = ""
        for table in ["users", "teams", "user_teams", "revoked_tokens", "device_sessions"] {
            for operation in ["INSERT", "UPDATE", "DELETE"] {
                let when = table == "device_sessions" && operation == "UPDATE"
                    ? " WHEN OLD.id IS NOT NEW.id OR OLD.user_id IS NOT NEW.user_id OR OLD.active IS NOT NEW.active"
                        + " OR OLD.bound_at IS NOT NEW.bound_at"
                    : ""
                sql += "CREATE TRIGGER auth_epoch_\(table)_\(operation.lowercased()) AFTER \(operation) ON \(table)"
                    + "\(when) BEGIN \(bump) END;\n"
            }
        }
        return sql
    }
}
