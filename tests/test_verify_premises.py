"""False premises (tutor/verify/premises.py): each kind is found, look-alikes are left alone.

Phrasings here differ from bench/data/premise_traps.jsonl on purpose: the detectors
read kinds of contradiction, not the benchmark's strings.
"""

from __future__ import annotations

import time

import pytest

from tutor.verify import false_premises


@pytest.mark.parametrize(("question", "words"), [
    # angle sums
    ("The three angles of a triangle are 60°, 70° and 80°. Find the longest side if the shortest is 5.", "210°"),
    ("Triangle XYZ has angles measuring 95 degrees, 45 degrees, and 50 degrees. What type of triangle is it?", "190°"),
    ("A triangle has one angle of 120° and another of 75°. Find the third angle.", "195°"),
    ("A parallelogram has angles of 70°, 110°, 70° and 120°. Find its area.", "370°"),
    # right triangles
    ("A right-angled triangle has angles 40°, 60° and 80°. Find the missing side.", "90°"),
    ("The legs of a right triangle are 6 and 8 and its hypotenuse is 11. What is its area?", "11² = 121"),
    ("A right triangle has side lengths 2, 3 and 4. Find the sine of the smallest angle.", "4² = 16"),
    ("A right triangle has a hypotenuse of 4 m and a leg of 4 m. Find the other leg.", "longest side"),
    # triangle inequality
    ("A triangle has sides 5 cm, 5 cm and 12 cm. What is its perimeter?", "can't make a triangle"),
    ("A triangular garden has sides of 3 m, 4 m and 9 m. How much fencing is needed?", "can't make a triangle"),
    # probability
    ("The probability of picking a blue marble is 1.25. How many blue marbles are in a bag of 40?", "1.25"),
    ("The weather forecast says there is a 130% chance of rain. What is the chance it stays dry?", "130%"),
    ("An event has a probability of 7/5. What is the probability of its complement?", "7/5"),
    ("The probability that Ana passes is 0.8 and the probability that she fails is 0.3. Find P(pass twice).", "110%"),
    ("The chance that the bus is late is 40% and the chance that it is not late is 70%. Is it late often?", "110%"),
    ("P(B) = 0.25 and P(B') = 0.5. Find P(B) squared.", "75%"),
    # stories that go negative
    ("Jake has 3 marbles and loses 5 marbles. How many marbles does he have now?", "below zero"),
    ("Sara had 10 balloons. 14 balloons popped. How many are left?", "below zero"),
    ("A baker made 20 cupcakes and sold 35 of them. How many cupcakes are left?", "below zero"),
    ("Zoe ate 6 of her 4 grapes. How many grapes are left?", "6 out of only 4"),
    # definitions
    ("What is the greatest prime number?", "no largest prime"),
    ("What is the largest natural number?", "no biggest whole number"),
    ("Tell me the very last digit of pi.", "no last digit"),
    # π exactly
    ("If pi equals 22/7 exactly, find the circumference of a circle of radius 7.", "not exactly 22/7"),
    ("Given that π is exactly 3.14159, find the area of a circle of radius 1.", "not exactly 3.14159"),
    # no real root
    ("Find the real square root of -36.", "no real square root"),
    ("Solve x^2 + 4 = 0 for the real number x.", "no real solution"),
    # parts of a whole
    ("In a school, 55% of the pupils are girls and 50% are boys. How many boys are there among 400 pupils?", "105%"),
    ("In a survey, 70% answered yes and 40% answered no. What fraction answered no?", "110%"),
    ("A class has 120% of its students present today. How many is that out of 30?", "120%"),
    # biology
    ("The rooster laid 4 eggs on Monday and 5 on Tuesday. How many eggs did it lay?", "male bird"),
    ("How much milk does a bull give each week if it gives 3 litres a day?", "don't give milk"),
    # division by zero, no solution, negative length, consecutive numbers
    ("Split 12 apples equally into 0 baskets. How many apples per basket?", "zero"),
    ("Solve 5x + 2 = 5x - 3.", "no solution"),
    ("A rectangle has a width of -5 cm and a length of 8 cm. What is its area?", "can't be negative"),
    ("Three consecutive even numbers add up to 40. What are they?", "not a whole number"),
    ("Two consecutive odd numbers add up to 18. What are they?", "not odd"),
    # generalised after a held-out set (2026-11-30) found rules that only fitted their examples
    ("my triangle's angles measure 45, 45 and 100 degrees. is it isosceles", "190°"),
    ("each of the base angles of an isosceles triangle is 91°. find the apex angle", "182°"),
    ("Triangle PQR has two obtuse angles. Find angle R.", "two obtuse angles"),
    ("An 8 m ramp rests against a loading dock; its bottom end is 9 m from the dock base. How tall is the dock?",
     "8 long"),
    ("A square patio has one side 4 m and the other side 6 m. Find its perimeter.", "sides of a square are equal"),
    ("a spinner lands on red with probability 0.4 and misses red with probability 0.7. expected reds in 10 spins",
     "110%"),
    ("The probability the train is on time is 0.85 and the probability it is late is 0.25. How often late?",
     "110%"),
    ("what is 40 ÷ (3 × 2 − 6)", "works out to 0"),
    ("A cyclist rides 30 km in 0 minutes. What is her speed per minute?", "time is 0"),
    ("No one took the quiz, so the total of the scores is 0. What was the mean score?", "there are none"),
    ("Solve |2x + 1| = -3.", "never negative"),
    ("Give the real value of √(2 − 11).", "no real value"),
    ("Find sqrt(-49) as a normal real number, not a complex one.", "no real square root"),
    ("Priya has $12. She spends $7 on paint and then $9 on brushes. How much is left?", "below zero"),
    ("A jug holds 1000 mL. Ben fills 4 cups of 300 mL each from it. How much is left in the jug?", "below zero"),
    ("A city spends 40% of its budget on schools, 35% on roads and 30% on parks. How much is left for parks?",
     "105%"),
    ("Of all the members of the club, 50% cycle to meetings, 30% drive and 30% walk. How many drive?", "110%"),
    ("Name a prime number bigger than 20 that is a multiple of 3.", "divisible by 3"),
    ("Which is the smallest negative number?", "no smallest negative"),
    ("Find the greatest fraction that is less than 1/2.", "no greatest number below 1/2"),
    ("Our stallion gave birth to a foal in May. How old is the foal in August, in months?", "give birth"),
    ("The rooster in the yard next to ours laid 3 eggs. How many?", "male bird"),
    # generalised after a second held-out set (2026-11-30)
    ("this game's chance of rolling a double is -0.2 per throw. chance of two doubles?", "-0.2"),
    ("A bag holds only red, white and black beads. P(red) = 0.6, P(white) = 0.3, P(black) = 0.2. Find P(white).",
     "110%"),
    ("Compute (x + 1)/(x - 2) at x = 2.", "divides by zero"),
    ("Speed is distance divided by time. The distance is 5 km and the time is 0 hours. Find the speed.",
     "time is 0"),
    ("We will share 30 stickers among the kids who turn up. No kids turned up. How many does each kid get?",
     "zero kids"),
    ("solve sqrt(2x + 1) = -3", "no solution"),
    ("x is a number with |x - 4| + 10 = 3. find x", "no solution"),
    ("For real numbers only, find g(5) if g(x) = √(x - 9).", "no real number"),
    ("I glued sticks of 4 cm, 6 cm and 11 cm into a triangle. What is its perimeter?", "can't make a triangle"),
    ("Triangle DEF has a right angle at F. DE = 5 and EF = 9. Find DF.", "hypotenuse"),
    ("A 6 ft plank slants up to a step and covers a horizontal distance of 7 ft. How high is the step?",
     "longest side"),
    ("A door is 80 cm wide and 200 cm tall, and its diagonal is 150 cm. Find its area.", "diagonal of about"),
    ("PQRS is a square with PQ = 5 and QR = 9. Find its area.", "sides of a square are equal"),
    ("Lena had $15. She bought a scarf for $8.40 and a hat for $7.25. How much money does she have left?",
     "below zero"),
    ("A shop had 30 pies. It sold 2 dozen in the morning and 10 in the afternoon. How many pies were left?",
     "below zero"),
    ("A rope is 5 m long. Sam cuts off four pieces that are each 1.5 m long. How much rope is left?", "below zero"),
    ("Everyone picked exactly one colour: 50% picked blue, 30% picked red and 40% picked green. How many picked red "
     "out of 20?", "120%"),
    ("Find a prime between 30 and 40 that is divisible by 7.", "can't be divisible by 7"),
    ("can you find the area of a triangle with sides 1 cm, 2 cm and 8 cm", "can't make a triangle"),
    # third round (a third held-out set): numbers in words, counts that can't divide, and more kinds
    ("a ladder three metres long has its foot four metres from the wall. how high does it reach", "longest side"),
    ("the triangle's angles are 40 degrees, 60 degrees and 90 degrees; find the side facing the 60 degree angle",
     "190°"),
    ("a spinner lands on red 2/3 of the time and on not red 1/2 of the time. how many reds in 30 spins", "116"),
    ("the egg timer read 0 seconds when the marble stopped after rolling 2 m. what was its speed", "time is 0"),
    ("we'll share 20 crayons equally among whoever comes. nobody came. how many each?", "nobody"),
    ("solve the system 2x + y = 5 and 4x + 2y = 11", "no common solution"),
    ("which real number squared gives negative 49", "never negative"),
    ("a square garden has side √(k - 8) metres. what is its side length when k = 3", "can't exist"),
    ("a rectangular pen has a perimeter of 30 m and one side is 16 m. how long is the other side", "perimeter of 30"),
    ("A regular hexagon has one angle of 110°. Find the others.", "120°"),
    ("The bucket holds 10 litres when full and already has 12 litres in it. How much more fits?", "can hold only"),
    ("Share twenty-two stickers equally between the three of you with none left over. How many each?",
     "remainder 1"),
    ("there are 17 dancers and they all dance in pairs so nobody dances on their own. how many pairs", "remainder 1"),
    ("A yard has only ducks and goats: 9 heads and 21 legs. How many goats?", "even number"),
    ("grandpa ate 50 percent of the pie and grandma ate 60 percent. what percent was left over", "110%"),
])
def test_each_kind_of_false_premise_is_found(question, words):
    reasons = false_premises(question)
    assert reasons, question
    assert any(words in reason for reason in reasons), reasons


@pytest.mark.parametrize("question", [
    "The three angles of a triangle are 60°, 70° and 50°. Find the longest side if the shortest is 5.",
    "A triangle has one angle of 120° and another of 35°. Find the third angle.",
    "A right-angled triangle has angles 30°, 60° and 90°. Find the missing side.",
    "The legs of a right triangle are 6 and 8 and its hypotenuse is 10. What is its area?",
    "Find the hypotenuse of a right triangle with legs 5 and 12.",
    "A triangle has sides 5 cm, 5 cm and 8 cm. What is its perimeter?",
    "The exterior angles of a triangle are 120°, 110° and 130°. Find the interior angles.",
    "A triangle has angles in the ratio 2:3:4. Find the angles.",
    "Why is the angle sum of a triangle 180 degrees?",
    "The probability of picking a blue marble is 0.25. How many blue marbles are in a bag of 40?",
    "The probability that Ana passes is 0.8 and the probability that she fails is 0.2. Find P(pass twice).",
    "The probability of getting at least 2 heads in 3 tosses is what?",
    "Find the probability that the sum of two dice is 7.",
    "In a bag, the chance of red is 1/4, blue 1/2, and green 1/4. What is the chance of not blue?",
    "A store's sales this year are 120% of last year's. Last year they sold 500 bikes. How many this year?",
    "What is 150% of 80?",
    "A number increased by 130% gives 46. What is the number?",
    "Jake has 5 marbles and loses 3 marbles. How many marbles does he have now?",
    "Sara had 14 balloons. 10 balloons popped. How many are left?",
    "Ann has 20 stickers. She gives 5 to Bob and buys 12 more. How many stickers does she have now?",
    "Ann has 20 stickers. Bob has 25 stickers. How many more does Bob have?",
    "Tom had some money and spent $22. He has $15 left. How much did he have?",
    "The temperature is -5 °C. It rises by 8 degrees. What is it now?",
    "What is the greatest prime number less than 100?",
    "What is the largest two-digit prime number?",
    "What is the largest natural number that divides both 12 and 18?",
    "Explain why there is no largest prime.",
    "What is the last digit of 2 to the power 10?",
    "What is the smallest positive integer divisible by 6 and 8?",
    "If pi is about 22/7, estimate the circumference of a circle of radius 7.",
    "Solve x^2 - 4 = 0 for the real number x.",
    "What is the square root of -36 in terms of i?",
    "In a school, 55% of the pupils are girls and 45% are boys. How many boys are there among 400 pupils?",
    "The hen laid 4 eggs on Monday and 5 on Tuesday. How many eggs did the hen lay?",
    "A rooster and a hen live on a farm. The hen lays 6 eggs a week. How many eggs in 4 weeks?",
    "What is 0 divided by 7?",
    "Solve 5x + 2 = 3x - 4.",
    "The width is -3 + 5 units. Simplify.",
    "my triangle's angles measure 45, 45 and 90 degrees. is it isosceles",
    "each of the base angles of an isosceles triangle is 70°. find the apex angle",
    "An 10 m ramp rests against a loading dock; its bottom end is 8 m from the dock base. How tall is the dock?",
    "A rectangular patio has one side 4 m and the other side 6 m. Find its perimeter.",
    "a spinner lands on red with probability 0.4 and misses red with probability 0.6. expected reds in 10 spins",
    "The probability that Ann wins is 0.3 and the probability that Ben loses is 0.5. Who is more likely to win?",
    "what is 40 ÷ (3 × 2 + 6)",
    "A cyclist rides 30 km in 90 minutes. What is her speed per minute?",
    "Solve |2x + 1| = 3.",
    "Give the value of √(11 − 2).",
    "Priya has $20. She spends $7 on paint and then $9 on brushes. How much is left?",
    "A jug holds 1500 mL. Ben fills 4 cups of 300 mL each from it. How much is left in the jug?",
    "In a class, 60% of the students like apples, 50% like pears and 20% like plums. How many like apples of 30?",
    "A city spends 40% of its budget on schools, 35% on roads and 25% on parks. How much goes to parks?",
    "Name a prime number bigger than 20 that is one more than a multiple of 3.",
    "Which is the largest negative integer?",
    "Find the largest whole number less than 7.5.",
    "Is there a largest fraction less than 1/2?",
    "Our mare gave birth to a foal in May. How old is the foal in August, in months?",
    "Is there any number x with x + 3 = x + 5?",
    "A bag holds only red, white and black beads. P(red) = 0.5, P(white) = 0.3, P(black) = 0.2. Find P(white).",
    "Compute (x + 1)/(x - 2) at x = 3.",
    "Speed is distance divided by time. The distance is 5 km and the time is 2 hours. Find the speed.",
    "solve sqrt(2x + 1) = 3",
    "x is a number with |x - 4| + 10 = 13. find x",
    "I glued sticks of 4 cm, 6 cm and 9 cm into a triangle. What is its perimeter?",
    "Triangle DEF has a right angle at F. DE = 15 and EF = 9. Find DF.",
    "A door is 80 cm wide and 150 cm tall, and its diagonal is 170 cm. Find its area.",
    "Lena had $20. She bought a scarf for $8.40 and a hat for $7.25. How much money does she have left?",
    "A shop had 40 pies. It sold 2 dozen in the morning and 10 in the afternoon. How many pies were left?",
    "A rope is 7 m long. Sam cuts off four pieces that are each 1.5 m long. How much rope is left?",
    "can three sticks of 6 ft, 7 ft and 15 ft make a triangle",
    "60% of the class like cats and 50% like dogs. How many like dogs out of 30?",
    "a ladder five metres long has its foot three metres from the wall. how high does it reach",
    "solve the system 2x + y = 5 and 4x + 2y = 10 for one solution",
    "a rectangular pen has a perimeter of 30 m and one side is 10 m. how long is the other side",
    "A regular hexagon has one angle of 120°. Find the others.",
    "The bucket holds 10 litres when full and already has 6 litres in it. How much more fits?",
    "Share twenty-one stickers equally between the three of you with none left over. How many each?",
    "there are 18 dancers and they all dance in pairs so nobody dances on their own. how many pairs",
    "A yard has only ducks and goats: 9 heads and 22 legs. How many goats?",
    "grandpa ate 30 percent of the pie and grandma ate 60 percent. what percent was left over",
    "a four-sided plot has angles 90°, 90°, 100° and 80°. which corner is sharpest",
    "Three consecutive even numbers add up to 42. What are they?",
    "A car travels 60 km in 1.5 hours. What is its average speed?",
])
def test_ordinary_look_alikes_are_left_alone(question):
    assert false_premises(question) == []


@pytest.mark.parametrize("question", [
    "Can a triangle have angles of 100°, 50° and 40°?",
    "Is it possible for a triangle to have sides 1, 2 and 5?",
    "Is there a largest prime number?",
    "Is π exactly equal to 3.14?",
    "Could the probability of an event be 1.5?",
    "Does a rooster lay eggs?",
])
def test_a_yes_no_question_about_the_premise_is_answered_not_flagged(question):
    assert false_premises(question) == []


def test_reasons_are_short_sentences_for_a_student():
    reasons = false_premises("A triangle has angles 80°, 70° and 50°, and there is a 120% chance it is green.")
    assert len(reasons) == 2
    assert all(reason.endswith(".") and len(reason) < 160 for reason in reasons)


@pytest.mark.parametrize("question", [
    "A triangle has sides " + "9" * 100_000 + ", 2 and 3. Find its area.",
    "A right triangle has sides 10^100000, 10^100000 and 10^100000. Find the area.",
    "Tom has 5 apples and sells 3 of them. " * 5_000,
    "x = " * 20_000 + "1",
    "40% boys and 70% girls " * 3_000,
    "Solve " + "(" * 5_000 + "x" + ")" * 5_000 + " = x + 1",
    "Solve x^99999999 = x^99999999 + 1 for x.",
    "Solve (x+1)^64 = (x+1)^64 + 1 for the real number x.",
    "The probability is 0." + "3" * 100_000,
    "1," * 100_000,
    "triangle " + "1° " * 50_000,
    "\x00\u202e" * 10_000 + "π = 22/7 exactly",
])
def test_hostile_input_returns_quickly_without_raising(question):
    start = time.perf_counter()
    reasons = false_premises(question)
    assert time.perf_counter() - start < 2
    assert isinstance(reasons, list) and all(len(reason) < 300 for reason in reasons)


def test_false_premises_never_hands_the_students_text_to_sympify(monkeypatch):
    """Regression guard: sympify and parse_expr evaluate Python; the student's text must not reach them."""
    import sympy
    import sympy.parsing.sympy_parser as sympy_parser

    def forbidden(*_a, **_k):
        raise AssertionError("sympify/parse_expr called on a student's text")

    monkeypatch.setattr(sympy, "sympify", forbidden)
    monkeypatch.setattr(sympy_parser, "parse_expr", forbidden)
    assert false_premises("Solve 3(x+2) = 3x + 7")
    assert false_premises("Find the real number x such that x^2 + 2x + 5 = 0.")
    assert false_premises("Solve __import__('os').system('ls') = x + 1 - x") == []
    assert false_premises("A triangle has angles 80°, 70° and 50°. Find its area.")


def test_the_agents_check_is_the_verifiers():
    from agents.checks import false_premises as agents_false_premises

    question = "Tom has 5 apples and sells 8 of them. How many are left?"
    assert agents_false_premises(question) == false_premises(question) != []
