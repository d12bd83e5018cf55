package io.plinth.memory;

import io.plinth.core.CrudRepository;
import io.plinth.tenancy.UserId;

/**
 * A user's {@link Media} rows.
 *
 * <p><b>The memory unit.</b> A media item is attached to a memory unit of its own user only:
 * {@link #create} or {@link #update} naming another user's memory unit (or none that exists) is an
 * {@link io.plinth.core.InvalidInputException} on {@code memoryUnitId}, with nothing written. Deleting
 * the memory unit detaches its media ({@code memoryUnitId} becomes null; seed 004's
 * {@code onDelete: SetNull}).
 *
 * <p><b>The hash is unique across all users</b>, as seed 004 declares it ({@code hash String? @unique}):
 * one file, by its hash, is stored once in the whole system. So when two users upload the same file,
 * the second {@link #create} throws a {@link io.plinth.core.ConflictException} — exactly as when one
 * user uploads it twice. Its message is {@code a media item with hash <hash> already exists}, naming
 * only the hash the caller gave, never whose item holds it nor its id, on every store. The refusal
 * itself does tell the caller that <em>some</em> user stored that file: a service that must not reveal
 * even that should hash per user (for example a keyed hash with the user's id) before storing it.
 * Media without a hash ({@code null}) never conflict. The hash is fixed at creation.
 */
public interface MediaRepository extends CrudRepository<UserId, MediaId, NewMedia, Media> {
}
