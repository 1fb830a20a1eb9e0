package dev.parley.chat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversations persisted as {@code <dir>/<id>.json}, one file each, replaced atomically through
 * {@code .<id>.json.tmp} ({@link AtomicFile}) so a crash or kill never leaves a half-written
 * conversation. Every file is read at construction for the list (id, title, date, size), so
 * conversations survive restarts; their messages are then read again on demand and only the most
 * recently used are kept in memory, so a server that has answered thousands of one-off streams does
 * not hold them all.
 *
 * <p>A file that cannot be read as a conversation (truncated, corrupt, hand-edited) is renamed to
 * {@code <id>.json.corrupt-<UTC time>} with one warning, and the conversation is then absent: it
 * never stops start-up, listing or loading. A file whose id does not match its name is skipped and
 * left alone (it is valid, just misplaced). Temporary files left by a crash are deleted at start.
 *
 * <p>Thread-safe. After start-up a conversation's file is read and written only under that
 * conversation's own lock, and every change is a read-modify-write held under it until the file is
 * on disk, so a rename or delete from the window and a reply being saved never undo each other and
 * two saves of one conversation reach the disk in the order they took the lock. The store-wide lock
 * guards only the in-memory list and cache and is never held while a file is read, written, moved
 * or deleted: saves and reads of different conversations run side by side, and {@link #list} and
 * a {@link #find} answered from the cache wait for no disk at all (the cache changes only once a
 * file is on disk, so it always holds the version on disk). A {@link #find} that must read a file
 * waits only for a change of that same conversation. Lock order: a conversation's lock, then the
 * store-wide lock, never the reverse. The store also serialises turns: {@link #tryBeginTurn} lets
 * one turn at a time run per conversation. Change listeners are called on the thread that made the
 * change, after it is on disk, holding neither lock.
 */
public final class ConversationStore {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationStore.class);
    private static final int CACHED_CONVERSATIONS = 32;
    private static final DateTimeFormatter CORRUPT_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Clock clock;
    private final Map<String, ConversationSummary> summaries = new HashMap<>();
    private final Map<String, Conversation> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Conversation> eldest) {
            return size() > CACHED_CONVERSATIONS;
        }
    };
    private final Set<String> busy = new HashSet<>();
    // Guarded by this. Only conversations being changed have an entry, so the map stays small.
    private final Map<String, FileLock> fileLocks = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /**
     * A folder that cannot be created or read does not stop Parley: the store starts empty, with
     * one warning, and every save then fails with an {@link IOException} that the turn reports.
     *
     * @param dir the conversations folder, created when missing (and again before each save)
     */
    public ConversationStore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        try {
            createFolder();
            removeTemporaryFiles();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
                for (Path file : files) {
                    read(file).ifPresent(c -> summaries.put(c.id(), summary(c)));
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot use the conversations folder {} ({}): replies will not be saved until it is fixed",
                    dir, e.toString());
        }
        LOG.debug("Found {} conversations in {}", summaries.size(), dir);
    }

    /** Creates the folder unless it exists; a file in its place is a {@link NotDirectoryException}. */
    private void createFolder() throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new NotDirectoryException(dir.toString());
        }
    }

    /** Deletes what a write interrupted by a crash left; the conversation it was writing is intact. */
    private void removeTemporaryFiles() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.json.tmp")) {
            for (Path file : files) {
                try {
                    Files.deleteIfExists(file);
                    LOG.debug("Removed {}, left by an interrupted save", file);
                } catch (IOException e) {
                    LOG.warn("Cannot remove {}, left by an interrupted save: {}", file, e.toString());
                }
            }
        }
    }

    private Optional<Conversation> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // The file may be fine (permissions, a flaky disk): only bad contents are moved aside.
            LOG.warn("Skipping conversation {}: cannot read it ({})", file, e.toString());
            return Optional.empty();
        }
        Conversation conversation;
        try {
            conversation = ConversationJson.read(bytes);
        } catch (IOException | RuntimeException e) {
            moveAside(file, e);
            return Optional.empty();
        }
        if (!file.getFileName().toString().equals(conversation.id() + ".json")) {
            LOG.warn("Skipping {}: its id '{}' does not match the file name", file, conversation.id());
            return Optional.empty();
        }
        return Optional.of(conversation);
    }

    private void moveAside(Path file, Exception error) {
        String problem = String.valueOf(error.getMessage()).lines().findFirst().orElse("");
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + CORRUPT_TIME.format(clock.instant()));
        try {
            Files.move(file, aside);
            LOG.warn("Conversation {} is unreadable ({}); moved it aside to {}", file, problem,
                    aside.getFileName());
        } catch (IOException e) {
            LOG.warn("Conversation {} is unreadable ({}) and cannot be moved aside: {}", file, problem,
                    e.toString());
        }
    }

    private static ConversationSummary summary(Conversation c) {
        return new ConversationSummary(c.id(), c.title(), c.updatedAt(), c.messages().size());
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The conversation, read from disk when it is not in memory. One in memory is returned at once,
     * even while a save of it is writing (it is the version on disk until that save is); one that
     * must be read waits only for a save of the same conversation. One whose file has become
     * unreadable since start is moved aside and dropped from the list, and listeners hear of it.
     */
    public Optional<Conversation> find(String id) {
        Optional<Conversation> known = inMemory(id);
        if (known != null) {
            return known;
        }
        AtomicBoolean dropped = new AtomicBoolean();
        Optional<Conversation> found = underLock(id, () -> load(id, dropped));
        if (dropped.get()) {
            notifyListeners();
        }
        return found;
    }

    /**
     * What memory knows of a conversation, in one look at the list and cache: the cached version,
     * empty when no such conversation is listed, or {@code null} when it is listed but its file must
     * be read.
     */
    private synchronized Optional<Conversation> inMemory(String id) {
        Conversation cached = recent.get(id);
        if (cached == null && summaries.containsKey(id)) {
            return null;
        }
        return Optional.ofNullable(cached);
    }

    /**
     * The conversation from memory or else its file. The caller holds the conversation's lock, so
     * no write or delete of it runs between the look at memory and the update after reading; the
     * store-wide lock is not held while reading, so a slow or blocked file holds up only this
     * conversation. One listed but no longer readable is dropped from the list, and {@code dropped}
     * set so that the caller tells the listeners once it has released the lock.
     */
    private Optional<Conversation> load(String id, AtomicBoolean dropped) {
        Optional<Conversation> known = inMemory(id);
        if (known != null) {
            return known;
        }
        Optional<Conversation> loaded = read(file(id));
        synchronized (this) {
            if (loaded.isPresent()) {
                recent.put(id, loaded.get());
            } else {
                summaries.remove(id);
            }
        }
        dropped.set(loaded.isEmpty());
        return loaded;
    }

    /** Every conversation, most recently updated first. */
    public synchronized List<ConversationSummary> list() {
        List<ConversationSummary> result = new ArrayList<>(summaries.values());
        result.sort(Comparator.comparing(ConversationSummary::updatedAt).reversed()
                .thenComparing(ConversationSummary::id));
        return result;
    }

    /**
     * Writes the conversation to disk, replacing an earlier version.
     *
     * @throws IOException when it cannot be written (disk full, read-only folder); the earlier
     *     version is then unchanged on disk
     */
    public void save(Conversation conversation) throws IOException {
        underLock(conversation.id(), () -> write(conversation));
        notifyListeners();
    }

    /** Adds a message to a conversation, creating it when it does not exist yet; returns the result. */
    public Conversation append(String id, StoredMessage message) throws IOException {
        // Listeners hear of every append, so a conversation dropped on the way needs no flag of its own.
        AtomicBoolean dropped = new AtomicBoolean();
        Conversation next = underLock(id, () -> write(load(id, dropped)
                .orElseGet(() -> Conversation.empty(id, message.at())).append(message)));
        notifyListeners();
        return next;
    }

    /** Adds a message to a conversation unless it has been deleted meanwhile; returns whether it did. */
    public boolean appendIfPresent(String id, StoredMessage message) throws IOException {
        return changeIfPresent(id, current -> current.append(message));
    }

    /** Gives a conversation a new title; returns false when there is no such conversation. */
    public boolean rename(String id, String title) throws IOException {
        return changeIfPresent(id, current -> current.withTitle(title, clock.instant()));
    }

    /**
     * Writes a changed version of a conversation that exists; returns false, writing nothing, when
     * none does (one found unreadable is dropped from the list, and listeners hear of it).
     */
    private boolean changeIfPresent(String id, UnaryOperator<Conversation> change) throws IOException {
        AtomicBoolean dropped = new AtomicBoolean();
        boolean present = underLock(id, () -> {
            Optional<Conversation> current = load(id, dropped);
            if (current.isPresent()) {
                write(change.apply(current.get()));
            }
            return current.isPresent();
        });
        if (present || dropped.get()) {
            notifyListeners();
        }
        return present;
    }

    /** Deletes a conversation from memory and disk; returns false when there was none. */
    public boolean delete(String id) throws IOException {
        boolean existed = underLock(id, () -> {
            boolean listed;
            synchronized (this) {
                listed = summaries.remove(id) != null;
                recent.remove(id);
            }
            try {
                Files.delete(file(id));
            } catch (NoSuchFileException e) {
                // already gone: nothing to delete on disk
            }
            return listed;
        });
        if (existed) {
            notifyListeners();
        }
        return existed;
    }

    /**
     * Writes the file outside the store-wide lock (the caller holds the conversation's lock,
     * so no other writer of it runs meanwhile), then updates the list and cache. A failed write
     * leaves both as they were, matching the earlier version still on disk.
     *
     * @return the conversation written
     */
    private Conversation write(Conversation conversation) throws IOException {
        Path target = file(conversation.id());
        createFolder();
        AtomicFile.replace(target, dir.resolve("." + conversation.id() + ".json.tmp"),
                ConversationJson.write(conversation));
        synchronized (this) {
            summaries.put(conversation.id(), summary(conversation));
            recent.put(conversation.id(), conversation);
        }
        return conversation;
    }

    /**
     * Runs what reads or writes a conversation's file under that conversation's lock. Lock order:
     * a conversation's lock, then the store-wide lock, never the reverse; so nothing holding the
     * store-wide lock waits for the disk.
     */
    private <T, E extends Exception> T underLock(String id, FileWork<T, E> work) throws E {
        FileLock entry;
        synchronized (this) {
            entry = fileLocks.computeIfAbsent(id, k -> new FileLock());
            entry.users++;
        }
        entry.lock.lock();
        try {
            return work.run();
        } finally {
            entry.lock.unlock();
            synchronized (this) {
                if (--entry.users == 0) {
                    fileLocks.remove(id);
                }
            }
        }
    }

    /** What reads or writes one conversation's file, throwing what the disk reports. */
    @FunctionalInterface
    private interface FileWork<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * One conversation's lock and how many threads hold or wait for it. Fair, so concurrent saves
     * of one conversation are written in the order they asked.
     */
    private static final class FileLock {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    /**
     * Marks a conversation as having a turn in progress. Returns false when one already is; the
     * caller then refuses the new turn (error 409).
     */
    public synchronized boolean tryBeginTurn(String id) {
        return busy.add(id);
    }

    /** Ends what {@link #tryBeginTurn} began. */
    public synchronized void endTurn(String id) {
        busy.remove(id);
    }

    /** Called after every save, rename and delete; on the thread that made the change. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("Conversation listener failed", e);
            }
        }
    }

    private Path file(String id) {
        if (!ConversationIds.isValid(id)) {
            throw new IllegalArgumentException("invalid conversation id: " + id);
        }
        return dir.resolve(id + ".json");
    }
}
