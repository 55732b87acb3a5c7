"""Sample sentences in the scripts written by the largest groups of people in Denmark who
are not Danish-born, for the tests of fonts, direction and fit. Each is a plain sentence
a person might write in a statement ("I would like help to sleep better")."""

from __future__ import annotations

SCRIPTS: dict[str, str] = {
    "arabic": "أريد مساعدة لأنام بشكل أفضل وأفتح رسائلي.",
    "persian": "می‌خواهم کمک بگیرم تا بهتر بخوابم و نامه‌هایم را باز کنم.",
    "urdu": "میں بہتر نیند اور اپنے خطوط کھولنے کے لیے مدد چاہتا ہوں۔",
    "kurdish": "دەمەوێت یارمەتی وەربگرم بۆ ئەوەی باشتر بخەوم.",
    "pashto": "زه غواړم چې ښه خوب وکړم او خپل لیکونه پرانیزم.",
    "hebrew": "אני רוצה עזרה כדי לישון טוב יותר ולפתוח את הדואר שלי.",
    "somali": "Waxaan rabaa caawimaad si aan si fiican u seexdo.",
    "turkish": "Daha iyi uyumak için yardım istiyorum. Ağaç, şişe, İğne, ılık.",
    "polish": "Chcę pomocy, żeby lepiej spać. Zażółć gęślą jaźń.",
    "vietnamese": "Tôi muốn được giúp đỡ để ngủ ngon hơn và mở thư của mình.",
    "ukrainian": "Я хочу отримати допомогу, щоб краще спати. Їжак, ґанок, є.",
    "russian": "Мне нужна помощь, чтобы лучше спать и открывать письма.",
    "greek": "Θέλω βοήθεια για να κοιμάμαι καλύτερα.",
    "tigrinya": "ንምድቃስ ሓገዝ ደልየ። ሰላም ኣብ ዓለም።",
    "amharic": "በተሻለ ለመተኛት እርዳታ እፈልጋለሁ።",
    "tamil": "நான் நன்றாக தூங்க உதவி வேண்டும்.",
    "thai": "ฉันต้องการความช่วยเหลือเพื่อนอนหลับให้ดีขึ้น",
    "hindi": "मुझे बेहतर नींद के लिए मदद चाहिए।",
    "nepali": "मलाई राम्रोसँग सुत्न मद्दत चाहिन्छ।",
    "symbols": "✅ ✓ ★ → ← ☺ ♥ 😊 👍 🙏 ❤️",
}
RTL = {"arabic", "persian", "urdu", "kurdish", "pashto", "hebrew"}
