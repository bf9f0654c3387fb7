//! The persons of one record, their mentions and their posts.

use std::collections::{BTreeMap, BTreeSet};

use crate::extract::record::{Person, Role, Span};

/// Persons found so far in a document, with their posts.
#[derive(Debug, Default)]
pub struct PersonTable {
    order: Vec<String>,
    names: BTreeSet<String>,
    roles: Vec<Role>,
    role_keys: BTreeSet<(String, String, Option<String>)>,
}

impl PersonTable {
    /// Records a person (once).
    pub fn add(&mut self, name: &str) {
        if self.names.insert(name.to_string()) {
            self.order.push(name.to_string());
        }
    }

    /// Records a post of a person (once per person, title and body).
    pub fn add_role(&mut self, person: &str, title: &str, org: Option<String>, evidence: Span) {
        self.add(person);
        let key = (person.to_string(), title.to_string(), org.clone());
        if self.role_keys.insert(key) {
            self.roles.push(Role {
                person: person.to_string(),
                title: title.to_string(),
                organization: org,
                evidence: Some(evidence),
                title_mention: None,
            });
        }
    }

    /// Points posts at renamed bodies (short forms resolved in context).
    pub fn rename_organizations(&mut self, renames: &BTreeMap<String, String>) {
        for r in &mut self.roles {
            if let Some(new) = r.organization.as_ref().and_then(|o| renames.get(o)) {
                r.organization = Some(new.clone());
            }
        }
        self.dedup_roles();
    }

    /// Posts in bodies that turned out to be no body keep no body.
    pub fn forget_organizations(&mut self, gone: &BTreeSet<String>) {
        for r in &mut self.roles {
            if r.organization.as_ref().is_some_and(|o| gone.contains(o)) {
                r.organization = None;
            }
        }
        self.dedup_roles();
    }

    /// Files the posts that name no body and that `is_unit_post` accepts (党委书记 in a
    /// university's report) under `unit`.
    pub fn file_bodyless_posts(&mut self, unit: &str, is_unit_post: impl Fn(&str) -> bool) {
        for r in self.roles.iter_mut().filter(|r| r.organization.is_none() && is_unit_post(&r.title)) {
            r.organization = Some(unit.to_string());
        }
        self.dedup_roles();
    }

    /// Drops roles that a change of body made equal to another.
    fn dedup_roles(&mut self) {
        let mut seen = BTreeSet::new();
        self.roles.retain(|r| seen.insert((r.person.clone(), r.title.clone(), r.organization.clone())));
        self.role_keys = seen;
    }

    /// The names known so far.
    pub fn names(&self) -> &BTreeSet<String> {
        &self.names
    }

    /// Persons (in order of discovery) with the mentions given, and the roles.
    pub fn finish(mut self, mentions: &BTreeMap<String, Vec<Span>>) -> (Vec<Person>, Vec<Role>) {
        // A post given once with its body and once without is the same post.
        let with_body: BTreeSet<(String, String)> = self
            .roles
            .iter()
            .filter(|r| r.organization.is_some())
            .map(|r| (r.person.clone(), r.title.clone()))
            .collect();
        self.roles.retain(|r| r.organization.is_some() || !with_body.contains(&(r.person.clone(), r.title.clone())));
        let persons = self
            .order
            .into_iter()
            .map(|name| {
                let m = mentions.get(&name).cloned().unwrap_or_default();
                Person { name, aliases: Vec::new(), mentions: m }
            })
            .collect();
        (persons, self.roles)
    }
}
