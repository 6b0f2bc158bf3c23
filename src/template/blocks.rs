//! The block tree of a template: its named `{% block %}`s, nested, through `extends`.

use super::Source;
use std::collections::BTreeMap;

/// A named block of a template and the blocks inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockNode {
    pub name: String,
    pub children: Vec<BlockNode>,
}

impl BlockNode {
    /// This block's name and those of every block inside it, in order.
    pub fn names(nodes: &[BlockNode]) -> Vec<String> {
        let mut out = Vec::new();
        for n in nodes {
            out.push(n.name.clone());
            out.extend(BlockNode::names(&n.children));
        }
        out
    }
}

/// [`Templates::blocks`](super::Templates::blocks) over the loaded sources.
pub(super) fn blocks_in(sources: &BTreeMap<String, Source>, name: &str) -> Vec<BlockNode> {
    let mut chain: Vec<(&str, &str)> = Vec::new();
    let mut next = Some(name);
    while let Some(n) = next.take() {
        let Some(s) = sources.get(n) else { break };
        if chain.iter().any(|(seen, _)| *seen == n) {
            break;
        }
        chain.push((n, s.text.as_str()));
        next = s.parent.as_deref();
    }
    fn replace(tree: &mut [BlockNode], def: &BlockNode) -> bool {
        for node in tree.iter_mut() {
            if node.name == def.name {
                node.children = def.children.clone();
                return true;
            }
            if replace(&mut node.children, def) {
                return true;
            }
        }
        false
    }
    fn each(defs: &[BlockNode], tree: &mut [BlockNode]) {
        for def in defs {
            replace(tree, def);
            each(&def.children, tree);
        }
    }
    let mut tree: Vec<BlockNode> = Vec::new();
    for (_, text) in chain.iter().rev() {
        let own = block_tree(text);
        if tree.is_empty() {
            tree = own;
        } else {
            each(&own, &mut tree);
        }
    }
    tree.into_iter()
        .find(|n| n.name == "body")
        .map(|n| n.children)
        .unwrap_or_default()
}

/// The `{% block NAME %}` … `{% endblock %}` structure of a template's text (comments
/// skipped); a tag Tera would refuse is left to Tera to report.
fn block_tree(text: &str) -> Vec<BlockNode> {
    let mut stack: Vec<BlockNode> = vec![BlockNode {
        name: String::new(),
        children: Vec::new(),
    }];
    let mut rest = text;
    while let Some(at) = rest.find('{') {
        let Some(after) = rest.get(at..) else { break };
        if let Some(comment) = after.strip_prefix("{#") {
            rest = comment
                .find("#}")
                .and_then(|e| comment.get(e + 2..))
                .unwrap_or("");
            continue;
        }
        let Some(tag) = after.strip_prefix("{%") else {
            rest = after.get(1..).unwrap_or("");
            continue;
        };
        let Some(end) = tag.find("%}") else { break };
        let inner = tag
            .get(..end)
            .unwrap_or("")
            .trim_matches(|c: char| c == '-' || c.is_whitespace());
        let mut words = inner.split_whitespace();
        match (words.next(), words.next()) {
            (Some("block"), Some(name)) => stack.push(BlockNode {
                name: name.to_string(),
                children: Vec::new(),
            }),
            (Some("endblock"), _) if stack.len() > 1 => {
                if let Some(node) = stack.pop()
                    && let Some(parent) = stack.last_mut()
                {
                    parent.children.push(node);
                }
            }
            _ => {}
        }
        rest = tag.get(end + 2..).unwrap_or("");
    }
    while stack.len() > 1 {
        if let Some(node) = stack.pop()
            && let Some(parent) = stack.last_mut()
        {
            parent.children.push(node);
        }
    }
    stack.pop().map(|root| root.children).unwrap_or_default()
}
