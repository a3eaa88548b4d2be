/**
 * Comment threads on a paragraph, a proposal or a range of words, in the `floor` room. A thread is
 * its first comment and the replies to it. Every author writes only its own keys (`STATE:id`, or
 * `chair:id`), so resolving is itself a comment: the thread's first comment marked resolved by its
 * author's state, or a reply marked resolved by that state or by the chair.
 */
import type * as Y from "yjs";
import { RecordLimits, type Anchor, type Comment } from "../../schemas/records";
import { FloorRoot } from "../documentLayout";
import { LocalRefusal } from "../LocalRefusal";
import { newRecordId } from "../proposals/proposeChange";
import { CHAIR_OWNER, parseRecordKey, recordKey } from "../recordKeys";

/** The longest comment (the record schema's limit). */
export const MAX_COMMENT_LENGTH = RecordLimits.comment.body.maxLength;

/** What a comment is about. */
export interface CommentTarget {
  pid: string;
  proposalId?: string;
  anchor?: Anchor;
}

/** One thread as shown: the first comment, its replies in order, and whether it is resolved. */
export interface CommentThread {
  key: string;
  author: string;
  root: Comment;
  replies: Array<{ key: string; author: string; comment: Comment }>;
  resolved: boolean;
}

function comments(floorDoc: Y.Doc): Y.Map<Comment> {
  return floorDoc.getMap<Comment>(FloorRoot.comments);
}

function checkBody(body: string): string {
  const trimmed = body.trim();
  if (trimmed === "") throw new LocalRefusal("comment-needs-words", {}, "A comment needs some words");
  if (trimmed.length > MAX_COMMENT_LENGTH) {
    throw new LocalRefusal("comment-too-long", { limit: MAX_COMMENT_LENGTH, length: trimmed.length }, `A comment has at most ${MAX_COMMENT_LENGTH} characters, not ${trimmed.length}`);
  }
  return trimmed;
}

/** `author` (a state code or `chair`) starts a thread on `target`; returns its key. */
export function addComment(floorDoc: Y.Doc, author: string, target: CommentTarget, body: string, now = new Date()): string {
  const key = recordKey(author, newRecordId());
  comments(floorDoc).set(key, { ...target, body: checkBody(body), at: now.toISOString() });
  return key;
}

/** `author` replies to thread `threadKey`; with `resolve`, the reply also resolves it. Returns the reply's key. */
export function replyToComment(floorDoc: Y.Doc, author: string, threadKey: string, body: string, resolve = false, now = new Date()): string {
  const root = comments(floorDoc).get(threadKey);
  if (!root) throw new LocalRefusal("thread-not-found", {}, `No comment ${threadKey}`);
  if (resolve && !mayResolve(author, threadKey)) throw new RangeError(`Only ${parseRecordKey(threadKey)?.owner} or the chair may resolve this thread`);
  const reply: Comment = { pid: root.pid, replyTo: threadKey, body: checkBody(body), at: now.toISOString() };
  if (root.proposalId) reply.proposalId = root.proposalId;
  if (resolve) reply.resolved = true;
  const key = recordKey(author, newRecordId());
  comments(floorDoc).set(key, reply);
  return key;
}

/** Whether `author` may resolve thread `threadKey`: its author's state, or the chair. */
export function mayResolve(author: string, threadKey: string): boolean {
  return author === CHAIR_OWNER || parseRecordKey(threadKey)?.owner === author;
}

/** The threads on paragraph `pid` (or on proposal `proposalId`), oldest first. */
export function readThreads(floorDoc: Y.Doc, filter: { pid?: string; proposalId?: string }): CommentThread[] {
  const all = Array.from(comments(floorDoc).entries());
  const threads = new Map<string, CommentThread>();
  for (const [key, comment] of all) {
    if (comment.replyTo) continue;
    if (filter.pid !== undefined && comment.pid !== filter.pid) continue;
    if (filter.proposalId !== undefined && comment.proposalId !== filter.proposalId) continue;
    const author = parseRecordKey(key)?.owner ?? "";
    threads.set(key, { key, author, root: comment, replies: [], resolved: comment.resolved === true && mayResolve(author, key) });
  }
  for (const [key, comment] of all) {
    const thread = comment.replyTo ? threads.get(comment.replyTo) : undefined;
    if (!thread) continue;
    const author = parseRecordKey(key)?.owner ?? "";
    thread.replies.push({ key, author, comment });
    if (comment.resolved === true && mayResolve(author, thread.key)) thread.resolved = true;
  }
  const byTime = (a: { at: string }, b: { at: string }) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
  for (const thread of threads.values()) thread.replies.sort((a, b) => byTime(a.comment, b.comment) || (a.key < b.key ? -1 : 1));
  return [...threads.values()].sort((a, b) => byTime(a.root, b.root) || (a.key < b.key ? -1 : 1));
}
