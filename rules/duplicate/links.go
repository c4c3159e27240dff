package duplicate

import (
	"github.com/textaudit/textaudit/rules/provenance"
)

// docLinks collects, during Finish, one document's copy relations for its provenance fact.
type docLinks struct {
	provenance.Fact
}

func (c *crossCheck) link(id int32) *docLinks {
	if c.links == nil {
		c.links = map[int32]*docLinks{}
	}
	l, ok := c.links[id]
	if !ok {
		l = &docLinks{}
		c.links[id] = l
	}
	return l
}

// add appends to one of the fact's lists, up to provenance.MaxFactEntries entries.
func (l *docLinks) add(list *[]provenance.CopyRef, ref provenance.CopyRef) {
	if len(*list) < provenance.MaxFactEntries {
		*list = append(*list, ref)
	}
}

func (l *docLinks) inherit(ref provenance.InheritedRef) {
	if len(l.Inherited) < provenance.MaxFactEntries {
		l.Inherited = append(l.Inherited, ref)
	}
}

func provenanceCopy(path string, line, counterpartLine int, kind string) provenance.CopyRef {
	return provenance.CopyRef{Path: path, Line: line, CounterpartLine: counterpartLine, Kind: kind}
}

// Facts publishes, for each audited file with copies, its provenance fact: the credits the
// provenance rule publishes too, plus the copies found in the corpus. It replaces the
// per-document fact of the same key, which it contains.
func (c *crossCheck) Facts(set func(path, key string, value any)) {
	// The provenance fact belongs to the provenance family: a run with that family switched
	// off (say, only spin enabled, which needs this pass for spin.aligned-copy) publishes none.
	if !c.cfg.RuleEnabled(provenance.WireCredit.ID) && !c.cfg.RuleEnabled(provenance.Inherited.ID) && !c.cfg.RuleEnabled(provenance.SharedStory.ID) {
		return
	}
	for id, l := range c.links {
		d := c.docs[id]
		if !d.audited {
			continue
		}
		f := l.Fact
		f.Credits, f.PhotoCredits = d.sources, d.photo
		set(d.path, "provenance", f)
	}
}
