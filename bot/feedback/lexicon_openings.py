"""Throat-clearing first lines: feelings, greetings, news labels and talk about the post.

Matched on the draft's folded text (lower case, straight apostrophes) at the first sentence.
"""

from __future__ import annotations

import re

# Throat-clearing first lines. Feelings may be intensified and stacked ("I am super excited to
# announce", "Thrilled, honoured and slightly terrified to announce").
_FEELING = (
    r"(?:excited|thrilled|happy|pleased|proud|delighted|honou?red|humbled|stoked|glad|grateful"
    r"|blessed|overjoyed|ecstatic|elated|chuffed|privileged|pumped|nervous|terrified|scared"
    r"|emotional|sad|relieved)"
)
_MORE = (
    r"(?:(?:so|super|very|really|truly|incredibly|beyond|extremely|absolutely|slightly|a\s+little"
    r"|a\s+bit|more\s+than\s+a\s+little|quite|deeply|genuinely)\s+)*"
)
_FEELINGS = rf"{_MORE}{_FEELING}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_MORE}{_FEELING})*"
# Words that clear the throat before the opening itself ("So, ...", "Okay so ...").
_LEAD_IN = (
    r"(?:(?:so|well|ok|okay|alright|right|anyway|look|honestly)\s*(?:,|\.{2,}|…)\s*"
    r"|(?:ok|okay|alright|well)\s+so\b\s*,?\s*|so\s+(?=i\b|i'|we\b|we'))*"
)
# Talk about the post instead of its point: "I've been meaning to write this for a while",
# "Long post ahead", "Bear with me", "I don't usually post here".
_ABOUT_THE_POST = (
    r"(?:i've|i\s+have|we've|we\s+have)\s+been\s+(?:meaning|wanting|planning|trying|waiting"
    r"|itching)\s+to\s+(?:write|post|share|say|talk)"
    # "I've been sitting on this post for weeks", "finally decided to write it"
    r"|(?:i've|i\s+have|we've|we\s+have)\s+been\s+(?:sitting\s+on|putting\s+off|drafting"
    r"|going\s+back\s+and\s+forth\s+on|(?:thinking\s+about|debating)\s+(?:writing|posting|sharing))"
    r"\s+(?:(?:writing|posting|sharing)\s+)?(?:this|it)"
    # "Okay so this is a bit random but hear me out"
    r"|(?:this\s+(?:is|might\s+be|may\s+be)\s+(?:a\s+bit\s+|slightly\s+|kind\s+of\s+|totally\s+"
    r"|completely\s+)?(?:random|off-topic|different|unusual|weird|out\s+there)\s*,?\s+(?:but\s+)?)?"
    r"hear\s+me\s+out"
    r"|this\s+(?:is|might\s+be)\s+(?:a\s+bit\s+|slightly\s+|totally\s+)?(?:random|off-topic)"
    # hesitating in public: "I've gone back and forth for weeks on whether to post this"
    r"|(?:i've|i\s+have|i|we've|we\s+have|we)\s+(?:been\s+)?(?:gone\s+|going\s+|went\s+)?"
    r"(?:back\s+and\s+forth|debat\w+|agonis\w+|agoniz\w+|hesitat\w+|dither\w+|wrestl\w+"
    r"|umm?(?:ed|ing)\s+and\s+ahh?(?:ed|ing))\s+(?:for\s+(?:\w+\s+){1,2})?(?:on\s+|about\s+|over\s+)?"
    r"(?:whether\s+(?:or\s+not\s+)?to\s+|if\s+(?:i|we)\s+should\s+)?(?:post|shar|writ|publish)\w*"
    r"|(?:i|we)\s+(?:finally\s+)?(?:decided|plucked\s+up\s+the\s+courage)\s+to\s+(?:finally\s+)?"
    r"(?:write|post|share)"
    r"|(?:fair\s+)?warning\s*[:,-]?\s*(?:this\s+is\s+)?(?:a\s+)?(?:long|longish|lengthy)"
    r"|(?:this\s+is\s+(?:going\s+to\s+be\s+)?)?(?:a\s+)?(?:long|longish|lengthy)\s+(?:post|one|read)"
    r"(?:\s+(?:ahead|alert|incoming|warning|today))?"
    r"|(?:please\s+)?bear\s+with\s+me"
    # "I don't usually post here", "I don't normally do these kinds of posts"
    r"|(?:i|we)\s+(?:(?:don't|do\s+not|rarely|never|seldom)\s+(?:usually\s+|normally\s+|often\s+"
    r"|really\s+)?|(?:usually|normally)\s+(?:don't|do\s+not)\s+)(?:post|share|write|do|make)\s+"
    r"(?:here|much|often|a\s+lot|personal|publicly|in\s+public|on\s+(?:here|linkedin|x|twitter"
    r"|bluesky|threads|social(?:\s+media)?|this\s+platform)|(?:things|posts)\s+like\s+this"
    r"|(?:these|this|such|those)\s+(?:(?:kinds?|sorts?|types?)\s+of\s+)?(?:posts?|things?)"
    r"|about\s+(?:this|myself|personal|my\s+(?:personal|private)))"
    r"|(?:i'm|i\s+am)\s+not\s+(?:usually\s+|normally\s+|really\s+)?(?:one|someone|the\s+type)\s+to\s+"
    r"(?:post|share|write|brag|talk)"
    r"|this\s+(?:isn't|is\s+not)\s+(?:my\s+)?(?:usual|normal|typical)\s+(?:kind\s+of\s+|sort\s+of\s+"
    r"|type\s+of\s+)?(?:post|content)"
    r"|i\s+(?:wasn't|was\s+not)\s+(?:going|planning)\s+to\s+(?:post|share|write)"
    r"|(?:grab|get)\s+(?:a|your)\s+(?:coffee|tea|cuppa|drink)|buckle\s+up"
    r"|(?:this\s+(?:post\s+)?(?:is|has\s+been)\s+)?a\s+long\s+time\s+coming"
    r"|not\s+sure\s+how\s+to\s+(?:start|begin|write)\s+this"
    # Doubting anyone will read it: "Not sure if anyone will see this", "Nobody will read this"
    r"|(?:(?:i'm\s+)?not\s+sure|no\s+idea|i\s+(?:don't|do\s+not)\s+know|i\s+doubt)\s+(?:if|whether)"
    r"\s+(?:anyone|anybody|people|many\s+people)\s+(?:will|would|is\s+going\s+to|even|cares?"
    r"|reads?)"
    r"|(?:nobody|no\s+one)\s+(?:will|is\s+going\s+to)\s+(?:read|see)\s+this"
    r"|here\s+goes(?:\s+nothing)?"
    # Announcing that the post will discuss something: "In this blog post, I will be discussing"
    r"|in\s+(?:this|today's|the\s+following)\s+(?:blog\s+)?(?:post|article|piece|thread|video"
    r"|newsletter|essay|write-?up)\s*,?\s+(?:i|we)(?:'ll|\s+will|'m\s+going\s+to|\s+am\s+going\s+to"
    r"|\s+want\s+to|'d\s+like\s+to|\s+would\s+like\s+to|\s+hope\s+to|\s+plan\s+to)"
    r"|this\s+(?:blog\s+)?(?:post|article|piece|thread)\s+(?:is|will\s+be)\s+(?:all\s+)?(?:about|on)\b"
    r"|(?:today\s*,?\s+)?i\s+(?:want|wanted|'d\s+like|would\s+like)\s+to\s+(?:talk|write|chat)\s+about"
)
# A label or a line that announces news instead of giving it: "Personal news:", "Well, it's
# official!", "Drumroll, please", "Big news".
_NEWS_LABEL = (
    r"(?:some\s+)?(?:(?:big|exciting|personal|happy|great|career|life|quick|small|little|good)\s+)+"
    r"(?:news|update|announcement)(?=\s*[:!.\-\u2013\u2014,])"
    r"|(?:some\s+)?news(?=\s*:)"
    r"|i\s+(?:have|'ve\s+got)\s+(?:some\s+)?(?:big\s+|exciting\s+|personal\s+)?news"
    r"|it's\s+(?:finally\s+)?official|it\s+is\s+(?:finally\s+)?official"
    r"|the\s+(?:secret|cat)\s+is\s+(?:finally\s+)?out|the\s+wait\s+is\s+(?:finally\s+)?over"
    r"|drum\s*roll(?:\s*,?\s*please)?|guess\s+what"
    # a teaser instead of the news: "So... it finally happened", "The day has come", "We did it!"
    r"|(?:it|this|that)\s+(?:finally\s+|actually\s+|really\s+)?(?:happened|is\s+happening"
    r"|'s\s+happening)(?=\s*(?:[.!…]|$))"
    r"|(?:it|this|that)(?:'s|\s+has)\s+(?:finally\s+|actually\s+)?happened(?=\s*(?:[.!…]|$))"
    r"|the\s+day\s+(?:has\s+(?:finally\s+)?(?:come|arrived)|is\s+(?:finally\s+)?here)"
    r"|(?:i|we)\s+(?:finally\s+|actually\s+)?did\s+it(?=\s*[.!…])"
    # "It's with great pleasure that I announce", "It is with mixed emotions that we share"
    r"|it(?:'s|\s+is)\s+with\s+(?:(?:great|immense|deep|huge|enormous|a\s+heavy|a\s+full|a\s+happy"
    r"|mixed|a\s+mix\s+of|such|much|real|genuine)\s+)*(?:\w+\s+)?(?:pleasure|pride|joy|sadness"
    r"|excitement|gratitude|delight|emotions?|feelings?|heart)(?:\s+and\s+(?:an?\s+)?(?:\w+\s+){0,2}"
    r"\w+)?\s+that\s+(?:i|we)\b"
    r"|without\s+(?:any\s+)?further\s+ado"
)
# Greetings and pleasantries before the point: "Morning all, hope the week's treating you well".
_GREETING = (
    r"(?:(?:good\s+)?(?:morning|afternoon|evening)|hi|hello|hey|hiya|howdy|greetings|dear)"
    r"\s*,?\s+(?:all|everyone|everybody|folks|friends|network|connections|linkedin|world|team"
    r"|guys|y'all|people|there|fam|all\s+my\s+\w+|my\s+\w+)"
    r"|happy\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)"
    r"|(?:i\s+)?hope\s+(?:you're|you\s+are|you\s+all|y'all|you|everyone's|everyone\s+is|everyone"
    r"|everybody|all\s+of\s+you|this|the\s+week's|the\s+week\s+is|your\s+week|you've|you\s+have"
    r"|you\s+all\s+had|you\s+had|everyone\s+had)\b[^.!?\n]{0,40}?\b(?:well|good|great|weekend|week"
    r"|ok|okay|safe|finds\s+you)"
    r"|(?:a\s+)?quick\s+(?:one|note|post|thought)(?:\s+(?:today|for\s+you|this\s+week))?(?=\s*[.!:,])"
)
GENERIC_OPENINGS = re.compile(  # after a thread's number ("1/", "1/12")
    rf"[\W_]*(?:\d{{1,2}}\s*/\s*(?:\d{{1,2}})?[\W_]*)?{_LEAD_IN}(?P<opening>"
    rf"(?:(?:i'm|i\s+am|we're|we\s+are|i've\s+been|we've\s+been)\s+)?{_FEELINGS}"
    r"\s+to\s+(?:finally\s+)?(?:announce|share|say|introduce|unveil|present|reveal|welcome|join)"
    rf"|{_GREETING}"
    r"|(?:i\s+)?(?:just\s+)?(?:wanted|want)\s+to\s+take\s+a\s+(?:moment|minute|second)"
    r"|(?:just\s+)?a\s+quick\s+(?:note|update|post|one)"
    r"|let\s+me\s+start\s+(?:by|with)|i'll\s+start\s+by|first\s+of\s+all|before\s+i\s+begin"
    r"|(?:sorry|apologies)\s+(?:for|in\s+advance|if|to)"
    r"|(?:i\s+)?just\s+(?:wanted\s+to\s+(?:share|say)|a\s+quick\s+update)"
    r"|quick\s+update"
    r"|i\s+wanted\s+to\s+share"
    r"|i(?:'d|\s+would)\s+like\s+to\s+share"
    r"|in\s+today's\s+(?:fast-paced\s+)?world"
    r"|as\s+we\s+all\s+know"
    r"|it\s+goes\s+without\s+saying"
    r"|it's\s+been\s+a\s+while\s+since\s+i\s+posted"
    r"|long\s+time\s+no\s+post"
    rf"|{_NEWS_LABEL}"
    rf"|{_ABOUT_THE_POST}"
    r")(?![\w'-])"
)

# A post that is only labels and teasers: "Big news! 🎉 Well, it's finally happened."
TEASER_ONLY = re.compile(rf"[\W_]*(?:{_LEAD_IN}(?:{_NEWS_LABEL})(?![\w'-])[\W_]*)+")
