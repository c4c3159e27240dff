package boilerplate

import (
	"strings"
	"testing"
)

// TestLexiconLanguages checks, for each language, one invented teaser header and one
// furniture line that must be flagged, and an invented sentence opening with the same
// words that must not be.
func TestLexiconLanguages(t *testing.T) {
	lx := lexiconFor(nil)
	tests := []struct {
		lang, related, furniture, prose string
	}{
		{"pl", "Zobacz także:", "Udostępnij na Facebooku", "Zobacz także nowe zdjęcia z wyprawy, które opublikowała gmina."},
		{"cs", "Související články", "Sdílet na Facebooku", "Čtěte také pozorně, co úřad napsal v rozhodnutí o stavbě mostu."},
		{"sk", "Čítajte aj", "Všetky práva vyhradené", "Čítajte aj ďalej, čo starosta povedal o oprave cesty v obci."},
		{"ro", "Citește și: Guvernul a aprobat bugetul", "Toate drepturile rezervate", "Citește și astăzi scrisoarea pe care bunicul i-a trimis-o din armată."},
		{"ro", "Citeşte şi", "Distribuie pe Facebook", "Vezi și tu cum arată podul după renovarea din această vară."},
		{"hu", "Kapcsolódó cikkek", "Minden jog fenntartva.", "Kapcsolódó döntést hozott tegnap a városi közgyűlés a híd ügyében."},
		{"tr", "İLGİLİ HABERLER", "YAZDIR", "İlgili haberler kısa sürede sosyal medyada geniş yankı uyandırdı."},
		{"sv", "Läs också: Regeringen sänker skatten", "Dela på Facebook", "Läs också gärna kommunens svar på frågan om den nya bron."},
		{"da", "Læs også", "Tilbage til toppen", "Læs også ministerens brev, sagde hun til avisen i går."},
		{"nb", "Les også:", "Del på Facebook", "Les også gjerne rapporten før møtet i kommunestyret neste uke."},
		{"fi", "Lue myös: Hallitus esittää uutta lakia", "Jaa Facebookissa", "Lue myös tarkkaan sopimuksen ehdot ennen allekirjoittamista, neuvoo asiantuntija."},
		{"el", "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ", "Με επιφύλαξη παντός δικαιώματος", "Διαβάστε επίσης προσεκτικά τις οδηγίες του υπουργείου για τα σχολεία."},
		{"uk", "Читайте також:", "Поділитися", "Читайте також уважно інструкцію до ліків, радять лікарі міста."},
		{"bg", "Свързани новини", "Всички права запазени", "Свързани новини за пожара бяха публикувани и от местната телевизия."},
		{"he", "קראו גם", "כל הזכויות שמורות", "קראו גם את המכתב ששלח ראש העיר לתושבים בשבוע שעבר."},
		{"fa", "بیشتر بخوانید", "کلیه حقوق محفوظ است", "بیشتر بخوانید تا بیشتر بدانید، این را معلم به شاگردانش گفت."},
		{"fa", "اخبار مرتبط", "كد خبر: ۱۲۳۴۵", "اخبار مرتبط با سیل در رسانه\u200cهای محلی به سرعت منتشر شد."},
		{"hi", "यह भी पढ़ें", "फेसबुक पर शेयर करें", "यह भी पढ़ें कि सरकार ने नई योजना में क्या बदलाव किए हैं।"},
		{"hi", "संबंधित ख़बरें", "सर्वाधिकार सुरक्षित", "संबंधित खबरें स्थानीय अखबारों में भी प्रकाशित हुईं थीं।"},
		{"ur", "یہ بھی پڑھیں", "جملہ حقوق محفوظ ہیں", "یہ بھی پڑھیں کہ حکومت نے نئے بجٹ میں کیا اعلان کیا ہے۔"},
		{"id", "Baca juga: Pemerintah umumkan harga BBM", "Bagikan artikel ini", "Baca juga buku sejarah kota ini, kata kepala perpustakaan."},
		{"ms", "Berita berkaitan", "Hak cipta terpelihara", "Berita berkaitan banjir itu tersebar luas di media sosial semalam."},
		{"vi", "Tin liên quan", "Chia sẻ lên Facebook", "Tin liên quan đến vụ cháy được người dân chia sẻ rộng rãi."},
		{"vi", "Xem the\u0302m", "Về đầu trang", "Xem thêm về lịch sử của cây cầu trong bảo tàng thành phố."},
		{"th", "ข่าวที่เกี่ยวข้อง", "อ่านเพิ่มเติม", "อ่านเพิ่มเติมได้ในรายงานของกระทรวงที่เผยแพร่เมื่อวานนี้"},
		{"th", "อ่านเพิ่มเติม: รัฐบาลประกาศมาตรการใหม่", "สงวนลิขสิทธิ์", "ข่าวที่เกี่ยวข้องกับน้ำท่วมถูกแชร์อย่างกว้างขวาง"},
		{"zh", "相关新闻", "版权所有，未经授权不得转载", "相关新闻报道称，该市的新桥将于明年开放。"},
		{"zh", "相关新闻：市政府宣布新桥明年开放", "12条评论", "分享到朋友圈的照片引起了很多讨论。"},
		{"zh", "延伸閱讀", "分享到Facebook", "延伸閱讀的範圍包括歷史與文學。"},
		{"ja", "関連記事", "続きを読む", "関連記事を書いた記者は、市役所の発表を詳しく伝えた。"},
		{"ja", "関連記事：新しい橋が来年開通", "3件のコメント", "続きを読むかどうかは読者次第だと彼は言った。"},
		{"ko", "관련기사", "무단전재 및 재배포 금지", "관련 기사를 쓴 기자는 시청의 발표를 자세히 전했다."},
		{"ko", "많이 본 뉴스", "댓글 12", "많이 본 뉴스 가운데 하나는 다리 개통 소식이었다."},
		{"ca", "Notícies relacionades", "Tots els drets reservats", "Llegeix també el manifest que van signar els veïns del barri."},
		{"hr", "Pročitajte i:", "Sva prava pridržana", "Pročitajte i upute proizvođača prije nego što počnete s radom."},
		{"en", "Editor's picks", "This article is more than 2 years old", "Editor's picks are chosen every morning by the night desk, she said."},
		{"en", "You may also be interested in", "Join our WhatsApp channel for the latest news", "Join our WhatsApp channel discussion, the mayor told residents on Monday."},
	}
	for _, tc := range tests {
		t.Run(tc.lang+": "+tc.related, func(t *testing.T) {
			m, ok := lx.match(tc.related)
			if !ok || !m.announcesTeasers() {
				t.Errorf("related header %q not flagged as a teaser header (ok=%v)", tc.related, ok)
			}
			if _, ok := lx.match(tc.furniture); !ok {
				t.Errorf("furniture line %q not flagged", tc.furniture)
			}
			if m, ok := lx.match(tc.prose); ok {
				t.Errorf("prose %q flagged: %q (%s)", tc.prose, tc.prose[m.start:m.end], m.how)
			}
		})
	}
}

func TestScriptsWithoutSpacesAreTokenised(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"a Chinese phrase is one word", "相关新闻", "相关新闻"},
		{"digits split from Han", "12条评论", "# 条评论"},
		{"Latin splits from Han", "分享到Facebook", "分享到 facebook"},
		{"kana and kanji stay together, the long-vowel mark too", "シェアー記事", "シェアー記事"},
		{"Thai vowel marks stay inside the word", "อ่านเพิ่มเติม", "อ่านเพิ่มเติม"},
		{"Devanagari vowel signs stay inside the word", "संबंधित खबरें", "संबंधित खबरें"},
		{"the nukta is ignored", "ख़बरें ख़बरें", "खबरें खबरें"},
		{"Greek accents and final sigma are folded", "ΔΙΑΒΑΣΤΕ Διαβάστε επίσης", "διαβαστε διαβαστε επισησ"},
		{"Arabic vowel marks and letter variants are folded", "أيضاً كد", "ایضا کد"},
		{"Turkish dotless i folds to i", "YAZDIR yazdır", "yazdir yazdir"},
		{"decomposed Vietnamese is composed", "the\u0302m", "thêm"},
		{"the modifier apostrophe separates like an apostrophe", "пов\u02bcязані пов'язані", "пов язані пов язані"},
		{"mixed Latin words with digits stay one word", "covid19", "covid19"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := normPhrase(tc.in); got != tc.want {
				t.Errorf("normPhrase(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestEveryLexiconFileHasBothSectionsAndEnoughPhrases(t *testing.T) {
	entries, err := lexiconFiles.ReadDir("lexicon")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 35 {
		t.Fatalf("%d lexicon files, want at least 35", len(entries))
	}
	for _, e := range entries {
		data, err := lexiconFiles.ReadFile("lexicon/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		lx := newLexicon()
		if err := lx.parse(text, strings.TrimSuffix(e.Name(), ".txt"), e.Name()); err != nil {
			t.Errorf("%s: %v", e.Name(), err)
		}
		if !strings.Contains(text, "[related]\n") || !strings.Contains(text, "[furniture]\n") {
			t.Errorf("%s: missing a [related] or [furniture] section", e.Name())
		}
		if !strings.Contains(text, "CC0") {
			t.Errorf("%s: header does not state the licence", e.Name())
		}
		if len(lx.phrases) < 25 {
			t.Errorf("%s: %d phrases, want at least 25", e.Name(), len(lx.phrases))
		}
	}
}

func TestSharedPhraseNamesTheDocumentLanguage(t *testing.T) {
	p := lexiconFor(nil).phrases["video"]
	if p == nil {
		t.Fatal(`"video" is not in the lexicon`)
	}
	for _, main := range []string{"en", "cs", "de"} {
		if got := p.language(main); got != main {
			t.Errorf("language(%q) = %q, want %q", main, got, main)
		}
	}
	if got := p.language("ja"); got != p.lang {
		t.Errorf(`language("ja") = %q, want the first listing %q`, got, p.lang)
	}
}
