"""Short news paragraphs of two stories (floods, then ceasefire talks), shared by the split tests."""

PARAGRAPHS = [
    "Heavy rain flooded hundreds of homes in the river valley on Tuesday, officials said.",
    "Rescue teams pulled families from flooded homes as the river rose through the night.",
    "The valley's mayor asked the government for pumps and boats to reach the flooded villages.",
    "Farmers said the rain had destroyed the rice harvest across the valley.",
    "Foreign ministers met in Oslo on Monday to discuss the ceasefire and prisoner exchanges.",
    "The ministers agreed that monitors would watch the ceasefire line from next week.",
    "Norway's foreign minister said the ceasefire talks would resume in Oslo next month.",
]
