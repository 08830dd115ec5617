/** Directory type-ahead (sites, people, references, phone digits, email prefixes). */
export {
  createDirectorySearch,
  MIN_QUERY,
  type DirectorySearch,
  type SearchHit,
  type SearchKind,
  type SearchOptions,
  type SearchProfile,
  type SearchReference,
  type SearchSite,
} from './directorySearch.js';
