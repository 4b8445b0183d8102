/**
 * Matching pasted tracklists to TIDAL tracks: parse, match with an honest confidence, and tell
 * duplicate recordings apart. Pure: no HTTP, no MCP; lookups are passed in (see MatchSource).
 */
export {
  type Alternative,
  type LineMatch,
  matchIsrc,
  matchLine,
  type MatchLineOptions,
  rankCandidates,
  type TrackCandidate,
} from './match.js';
export {
  countConfidences,
  matchAll,
  type MatchAllOptions,
  type MatchReport,
  type MatchSource,
} from './match-all.js';
export {
  MAX_LINES,
  type ParsedLine,
  parseLine,
  parseTracklist,
  type Reading,
  type Tracklist,
  TracklistError,
} from './parse.js';
export {
  type Duplicate,
  findDuplicates,
  recordingKey,
  type RecordingLike,
  SAME_RECORDING_SECONDS,
  sameRecording,
} from './recording.js';
export { atLeast, type Confidence, CONFIDENCES } from './score.js';
export { type VersionTag, versionTags } from './versions.js';
