package org.oversight.access;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The sessions in PostgreSQL with a near cache in each instance (issue 15: "sessions read from PostgreSQL on every
 * request"). Spring Session read a signed-in person's session row and attributes on every request (a query, a
 * transaction and, for a session read in no tenant scope, a scope switch on the pooled connection); profiled under
 * load that was about a fifth of the cost of a page that reads nothing else. Now a request whose session this
 * instance has read in the last {@link #maxAge} is served from memory, and a request that changes nothing but the
 * session's last access writes nothing (the last access is stored once a minute, as {@link SessionStore} did).
 *
 * <p>What stays as before: every change (sign-in, a new CSRF token, a new session id, sign-out, a changed timeout) is
 * written through Spring Session's own repository at once, in the same request, and attributes are kept as the bytes
 * PostgreSQL holds, so each request deserialises its own copy exactly as when they were read from the database.
 *
 * <p>Coherent across instances: each write and each deletion is announced with {@code NOTIFY oversight_sessions} (the
 * instance's own id and the session id) and every other instance {@code LISTEN}s on its own connection and drops the
 * session it names (the writer has dropped it already); a session read before that
 * could be served by another instance only in the milliseconds a notification takes. While the listening connection
 * is down, nothing is cached (every request reads PostgreSQL, as before) and the cache is emptied; on reconnecting it
 * starts empty. A session changed behind the application's back (SQL by hand, the expired-session clean-up) is seen
 * within {@link #maxAge} at the latest; an expired session is never served (its expiry is checked against the last
 * access this instance knows, and the row is read again before it is taken for expired).
 */
final class CachedSessions implements SessionRepository<CachedSessions.CachedSession> {

    static final String CHANNEL = "oversight_sessions";
    private static final Logger log = LoggerFactory.getLogger(CachedSessions.class);

    private static final String READ = """
            SELECT s.session_id, s.creation_time, s.last_access_time, s.max_inactive_interval, a.attribute_name, a.attribute_bytes
              FROM spring_session s LEFT JOIN spring_session_attributes a ON a.session_primary_id = s.primary_id
             WHERE s.session_id = ?""";
    /** The last access alone, once a minute, never backwards: what {@link SessionStore#UPDATE_SESSION_QUERY} writes for it. */
    private static final String TOUCH = """
            UPDATE spring_session SET last_access_time = ?, expiry_time = ?
             WHERE session_id = ? AND ? - last_access_time >= ?""";

    /** Spring Session's JDBC repository, through its public interface (its session class is not public). */
    private final SessionRepository<Session> store;
    private final JdbcClient jdbc;
    private final DeserializingConverter deserializer;
    private final long maxAgeNanos;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
    /** Moves on every eviction: a read that began before one is not cached (it may hold what was just evicted). */
    private final AtomicLong evictions = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final Listener listener;
    /** Names this instance in its notifications, so that it does not drop again what it has just dropped and read back. */
    private final String instance = java.util.UUID.randomUUID().toString();

    CachedSessions(JdbcIndexedSessionRepository store, JdbcClient jdbc, ClassLoader classLoader, Duration maxAge,
                   Supplier<Connection> listenerConnections) {
        this.store = jdbcSessions(store);
        this.jdbc = jdbc;
        this.deserializer = new DeserializingConverter(classLoader);
        this.maxAgeNanos = maxAge.toNanos();
        this.listener = maxAge.isPositive() && listenerConnections != null ? new Listener(listenerConnections) : null;
        if (listener != null) {
            listener.start();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SessionRepository<Session> jdbcSessions(JdbcIndexedSessionRepository store) {
        return (SessionRepository) store;
    }

    /** A connection of its own to PostgreSQL for listening, with the pooled connections' address and account. */
    static Supplier<Connection> connections(String url, String user, String password) {
        return () -> {
            try {
                return DriverManager.getConnection(url, user, password);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not connect to PostgreSQL to listen for session changes: " + e.getMessage(), e);
            }
        };
    }

    @Override
    public CachedSession createSession() {
        return new CachedSession(null, store.createSession());
    }

    @Override
    public CachedSession findById(String id) {
        if (!caching()) {
            Session stored = store.findById(id);
            return stored == null ? null : new CachedSession(null, stored);
        }
        long now = System.nanoTime();
        Entry entry = cache.get(id);
        if (entry != null && (now - entry.readAt >= maxAgeNanos || entry.expired(Instant.now()))) {
            evict(id); // too old to trust, or expired by what this instance knows: ask PostgreSQL
            entry = null;
        }
        if (entry == null) {
            long before = evictions.get();
            entry = read(id);
            if (entry == null || entry.expired(Instant.now())) {
                Session stored = store.findById(id); // deletes an expired session, as Spring Session does
                return stored == null ? null : new CachedSession(null, stored);
            }
            if (caching() && evictions.get() == before) {
                cache.put(id, entry);
            }
        }
        return new CachedSession(entry, null);
    }

    @Override
    public void save(CachedSession session) {
        if (session.backing != null) {
            store.save(session.backing);
            if (session.changed) {
                changed(session.entry == null ? null : session.entry.id);
                changed(session.backing.getId());
            }
            return;
        }
        Entry entry = session.entry;
        Instant at = session.lastAccessed;
        entry.lastAccess = at.isAfter(entry.lastAccess) ? at : entry.lastAccess;
        long ms = at.toEpochMilli();
        if (ms - entry.storedLastAccess >= SessionStore.LAST_ACCESS_WRITTEN_EVERY_MS) {
            long expiry = entry.maxInactive.isNegative() ? Long.MAX_VALUE : ms + entry.maxInactive.toMillis();
            jdbc.sql(TOUCH).params(ms, expiry, entry.id, ms, SessionStore.LAST_ACCESS_WRITTEN_EVERY_MS).update();
            entry.storedLastAccess = ms;
        }
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
        changed(id);
    }

    /** Sessions read from PostgreSQL by this repository's cache (not Spring Session's own reads), for tests. */
    long reads() {
        return reads.get();
    }

    /** Whether requests are served from the cache now (the listening connection is up). */
    boolean caching() {
        return listener != null && listener.listening;
    }

    void stop() {
        if (listener != null) {
            listener.stop();
        }
    }

    private void changed(String id) {
        if (id == null) {
            return;
        }
        evict(id);
        if (listener != null) {
            jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, instance + " " + id).query((rs, i) -> 1).list();
        }
    }

    private void evict(String id) {
        evictions.incrementAndGet();
        cache.remove(id);
    }

    private void evictAll() {
        evictions.incrementAndGet();
        cache.clear();
    }

    private Entry read(String id) {
        reads.incrementAndGet();
        Map<String, byte[]> attributes = new LinkedHashMap<>();
        Object[] row = new Object[4];
        jdbc.sql(READ).param(id).query(rs -> {
            if (row[0] == null) {
                row[0] = rs.getString(1).trim();
                row[1] = rs.getLong(2);
                row[2] = rs.getLong(3);
                row[3] = Duration.ofSeconds(rs.getInt(4));
            }
            String name = rs.getString(5);
            if (name != null) {
                attributes.put(name, rs.getBytes(6));
            }
        });
        return row[0] == null ? null : new Entry((String) row[0], (long) row[1], (long) row[2], (Duration) row[3], attributes);
    }

    /** A session as PostgreSQL held it when read, and the latest last access this instance gave it. */
    static final class Entry {
        final String id;
        final Instant creation;
        final Duration maxInactive;
        final Map<String, byte[]> attributes;
        final long readAt = System.nanoTime();
        volatile long storedLastAccess;
        volatile Instant lastAccess;

        Entry(String id, long creation, long storedLastAccess, Duration maxInactive, Map<String, byte[]> attributes) {
            this.id = id;
            this.creation = Instant.ofEpochMilli(creation);
            this.storedLastAccess = storedLastAccess;
            this.lastAccess = Instant.ofEpochMilli(storedLastAccess);
            this.maxInactive = maxInactive;
            this.attributes = Map.copyOf(attributes);
        }

        boolean expired(Instant now) {
            return !maxInactive.isNegative() && now.minus(maxInactive).isAfter(lastAccess);
        }
    }

    /**
     * One request's view of a session. Read from the cache, it deserialises the attributes it is asked for; the first
     * change other than its last access reads the session through Spring Session's repository ({@code backing}) and
     * from then on every call goes to that, so the change is saved by Spring Session itself.
     */
    final class CachedSession implements Session {
        private final Entry entry;
        private Session backing;
        /** Something other than the last access was changed: other instances must forget the session. */
        private boolean changed;
        private Instant lastAccessed;
        private Map<String, Object> read;

        private CachedSession(Entry entry, Session backing) {
            this.entry = entry;
            this.backing = backing;
            this.lastAccessed = backing != null ? backing.getLastAccessedTime() : entry.lastAccess;
        }

        private Session changing() {
            changed = true;
            return backing();
        }

        private Session backing() {
            if (backing == null) {
                Session stored = store.findById(entry.id);
                if (stored == null) {
                    evict(entry.id);
                    throw new IllegalStateException("The session ended while this request was using it (signed out elsewhere)");
                }
                stored.setLastAccessedTime(lastAccessed);
                backing = stored;
            }
            return backing;
        }

        @Override
        public String getId() {
            return backing != null ? backing.getId() : entry.id;
        }

        @Override
        public String changeSessionId() {
            return changing().changeSessionId();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getAttribute(String name) {
            if (backing != null) {
                return backing.getAttribute(name);
            }
            byte[] bytes = entry.attributes.get(name);
            if (bytes == null) {
                return null;
            }
            if (read == null) {
                read = new HashMap<>();
            }
            return (T) read.computeIfAbsent(name, n -> deserializer.convert(bytes));
        }

        @Override
        public Set<String> getAttributeNames() {
            return backing != null ? backing.getAttributeNames() : entry.attributes.keySet();
        }

        @Override
        public void setAttribute(String name, Object value) {
            changing().setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            if (backing != null || entry.attributes.containsKey(name)) {
                changing().removeAttribute(name);
            }
        }

        @Override
        public Instant getCreationTime() {
            return backing != null ? backing.getCreationTime() : entry.creation;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            lastAccessed = lastAccessedTime;
            if (backing != null) {
                backing.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return lastAccessed;
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            if (backing != null || !interval.equals(entry.maxInactive)) {
                changing().setMaxInactiveInterval(interval);
            }
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return backing != null ? backing.getMaxInactiveInterval() : entry.maxInactive;
        }

        @Override
        public boolean isExpired() {
            if (backing != null) {
                return backing.isExpired();
            }
            return !entry.maxInactive.isNegative() && Instant.now().minus(entry.maxInactive).isAfter(lastAccessed);
        }
    }

    /** Listens for other instances' (and this one's) session changes on a connection of its own; reconnects when it drops. */
    private final class Listener implements Runnable {
        private final Supplier<Connection> connections;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile boolean listening;
        private volatile Connection current;

        Listener(Supplier<Connection> connections) {
            this.connections = connections;
            this.thread = Thread.ofPlatform().daemon().name("session-cache-listener").unstarted(this);
        }

        void start() {
            thread.start();
        }

        void stop() {
            running = false;
            listening = false;
            Connection c = current;
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing
                }
            }
            thread.interrupt();
        }

        @Override
        public void run() {
            while (running) {
                try (Connection c = connections.get()) {
                    current = c;
                    try (Statement st = c.createStatement()) {
                        st.execute("LISTEN " + CHANNEL);
                    }
                    evictAll(); // whatever changed while nobody listened
                    listening = true;
                    PGConnection pg = c.unwrap(PGConnection.class);
                    while (running) {
                        PGNotification[] notifications = pg.getNotifications(5_000);
                        if (notifications != null) {
                            for (PGNotification n : notifications) {
                                String[] from = n.getParameter().split(" ", 2);
                                if (from.length != 2) {
                                    evictAll(); // not ours to read: forget everything rather than guess
                                } else if (!from[0].equals(instance)) {
                                    evict(from[1]);
                                }
                            }
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    if (running) {
                        log.warn("Session cache off until PostgreSQL can be listened to again: {}", e.getMessage());
                    }
                } finally {
                    listening = false;
                    evictAll();
                    current = null;
                }
                if (running) {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
