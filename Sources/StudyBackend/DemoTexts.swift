/// Study texts written for StudyCircle's demo library, so a new user never sees an empty screen.
enum DemoTexts {
    struct Text {
        let title: String
        let category: String
        let markdown: String
    }

    static let all: [Text] = [photosynthesis, tcp, frenchRevolution]

    static let photosynthesis = Text(title: "Photosynthesis", category: "biology", markdown: """
    # Photosynthesis

    Photosynthesis is the process by which plants, algae and some bacteria turn light energy into chemical energy. \
    It takes place mainly in the leaves, inside organelles called chloroplasts. The green pigment chlorophyll absorbs \
    red and blue light and reflects green light, which is why most leaves look green.

    ## The overall reaction

    In words, six molecules of carbon dioxide and six molecules of water, with light energy, yield one molecule of \
    glucose and six molecules of oxygen. Written as an equation: 6 CO2 + 6 H2O → C6H12O6 + 6 O2. The oxygen released \
    into the air comes from the splitting of water, not from carbon dioxide.

    ## Two stages

    - **The light-dependent reactions** happen in the thylakoid membranes. Light excites electrons in chlorophyll, \
    water is split, oxygen is released, and the energy is stored in ATP and NADPH.
    - **The Calvin cycle** happens in the stroma. The enzyme RuBisCO fixes carbon dioxide, and the ATP and NADPH \
    from the first stage are used to build three-carbon sugars that become glucose.

    RuBisCO is often called the most abundant protein on Earth. It is also slow: it fixes only a few molecules of \
    carbon dioxide per second, so plants need a great deal of it.

    ## Limiting factors

    The rate of photosynthesis depends on light intensity, carbon dioxide concentration and temperature. When one \
    of these is in short supply it limits the rate, however plentiful the others are. Most plants photosynthesise \
    fastest between 25 and 35 degrees Celsius; above about 40 degrees the enzymes begin to denature.

    Photosynthesis is the source of almost all the oxygen in the atmosphere and of the energy in nearly every food \
    chain. Fossil fuels such as coal and oil are the remains of organisms that stored solar energy millions of years ago.
    """)

    static let tcp = Text(title: "How TCP Delivers Data Reliably", category: "computer science", markdown: """
    # How TCP Delivers Data Reliably

    The Transmission Control Protocol (TCP) gives applications a reliable, ordered stream of bytes over the \
    Internet Protocol, which itself may lose, duplicate or reorder packets. TCP was described by Vint Cerf and \
    Bob Kahn in 1974 and standardised in RFC 793 in 1981.

    ## Connections

    A TCP connection begins with the three-way handshake. The client sends a SYN segment, the server answers with \
    SYN-ACK, and the client replies with ACK. Each side chooses an initial sequence number, so that segments from an \
    old connection cannot be mistaken for new data. A connection is identified by four numbers: the source address, \
    the source port, the destination address and the destination port.

    ## Reliability

    Every byte has a sequence number. The receiver acknowledges the next byte it expects, and the sender keeps a \
    copy of unacknowledged data. If no acknowledgement arrives before the retransmission timeout, the sender sends \
    the data again. Three duplicate acknowledgements trigger fast retransmit without waiting for the timeout. \
    Checksums detect corrupted segments, which are discarded.

    ## Flow and congestion control

    Flow control protects the receiver: it advertises a receive window, the amount of data it can still buffer. \
    Congestion control protects the network. In slow start the congestion window doubles every round trip until \
    loss is detected; then congestion avoidance grows it by one segment per round trip. Modern systems often use \
    the CUBIC algorithm, which is the default on Linux.

    ## Closing

    A connection is closed with FIN segments in each direction. The side that closes first waits in the TIME-WAIT \
    state for twice the maximum segment lifetime, so that delayed segments die out before the same port pair is used again.
    """)

    static let frenchRevolution = Text(title: "The French Revolution", category: "history", markdown: """
    # The French Revolution

    The French Revolution was a period of political and social upheaval in France that began in 1789 and ended in \
    1799 with the rise of Napoleon Bonaparte. It abolished the absolute monarchy, ended feudal privileges, and spread \
    the ideas of liberty, equality and fraternity across Europe.

    ## Causes

    By the 1780s the French state was nearly bankrupt, partly because of the cost of the Seven Years' War and of \
    French support for the American Revolution. Bad harvests in 1788 drove the price of bread to record levels. \
    Society was divided into three estates: the clergy, the nobility, and everyone else. The Third Estate made up \
    about 98 percent of the population but paid most of the taxes.

    ## 1789

    King Louis XVI called the Estates-General in May 1789 for the first time since 1614. In June the Third Estate \
    declared itself the National Assembly and swore the Tennis Court Oath not to disband until France had a \
    constitution. On 14 July 1789 crowds in Paris stormed the Bastille, a royal fortress and prison. In August the \
    Assembly abolished feudalism and adopted the Declaration of the Rights of Man and of the Citizen.

    ## Radical phase

    France became a republic in September 1792, and Louis XVI was executed in January 1793. During the Reign of \
    Terror, led by Maximilien Robespierre and the Committee of Public Safety, about 17,000 people were officially \
    executed. Robespierre himself was overthrown and guillotined in July 1794.

    ## Legacy

    In November 1799 Napoleon Bonaparte seized power in the coup of 18 Brumaire. The revolution's legacy includes \
    the metric system, the idea of the nation as sovereign, and the Napoleonic Code, which still shapes civil law in many countries.
    """)
}
