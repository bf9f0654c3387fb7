//! One document as the rules see it.

use super::chains::ChainParser;
use super::hits::Hits;
use super::names::NameFinder;
use super::orgs::OrgResolver;

/// What every rule of one document reads: the normalised text, its sentences, its dictionary
/// hits and the finders built for it. Made once per document by
/// [`super::Extractor::extract`], so a rule takes one argument for all of them.
pub(super) struct DocScope<'a> {
    /// The text, normalised (see [`crate::text::Document`]).
    pub chars: &'a [char],
    /// The headline and sentences, as char ranges.
    pub units: &'a [(usize, usize)],
    /// Dictionary surfaces.
    pub hits: &'a Hits,
    /// Where names may stand.
    pub finder: &'a NameFinder<'a>,
    /// Title chains before names.
    pub parser: &'a ChainParser<'a>,
    /// Bodies resolved in the report's own regions.
    pub resolver: &'a OrgResolver<'a>,
}
