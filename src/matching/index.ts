/**
 * Matching pasted tracklists to TIDAL tracks: parse, match with an honest confidence, and tell
 * duplicate recordings apart. Pure: no HTTP, no MCP; lookups are passed in (see MatchSource).
 */
export {
  MAX_LINES,
  parseLine,
  parseTracklist,
  TracklistError,
  type ParsedLine,
  type Reading,
  type Tracklist,
} from './parse.js';
export {
  matchIsrc,
  matchLine,
  rankCandidates,
  type Alternative,
  type LineMatch,
  type MatchLineOptions,
  type TrackCandidate,
} from './match.js';
export {
  countConfidences,
  matchAll,
  type MatchAllOptions,
  type MatchReport,
  type MatchSource,
} from './match-all.js';
export { atLeast, CONFIDENCES, type Confidence } from './score.js';
export {
  findDuplicates,
  recordingKey,
  sameRecording,
  SAME_RECORDING_SECONDS,
  type Duplicate,
  type RecordingLike,
} from './recording.js';
export { versionTags, type VersionTag } from './versions.js';
