/// Study texts written for these tests (not copied from anywhere), on different topics,
/// with the names, numbers, years and defined terms that exams are made of.
enum Fixtures {
    static let photosynthesis = """
    # Photosynthesis

    Photosynthesis is the process by which green plants, algae and some bacteria turn light energy into chemical energy. \
    It takes place mainly in the leaves, inside small organelles called chloroplasts. Each chloroplast contains stacks \
    of flattened membranes known as thylakoids, where the pigment chlorophyll absorbs red and blue light.

    The process has two linked stages. The light-dependent reactions happen in the thylakoid membranes and split water \
    molecules, releasing oxygen as a by-product. These reactions also produce ATP and NADPH, which carry energy to the \
    second stage. The Calvin cycle takes place in the stroma, the fluid that surrounds the thylakoids. In the Calvin \
    cycle, the enzyme RuBisCO fixes carbon dioxide from the air into a three-carbon sugar.

    Scientists estimate that photosynthesis captures about 130 terawatts of energy worldwide. Jan Ingenhousz showed \
    in 1779 that plants need sunlight to produce oxygen. Melvin Calvin mapped the carbon pathway in 1950 and received \
    the Nobel Prize in Chemistry in 1961. Today about 90 percent of plant species use the C3 pathway, while maize and \
    sugarcane use the more efficient C4 pathway in hot climates.
    """

    static let frenchRevolution = """
    The French Revolution began in 1789, when the Estates-General met at Versailles for the first time since 1614. \
    King Louis XVI had called the assembly because France was deeply in debt after the Seven Years' War and the \
    American War of Independence. The Third Estate, which represented about 98 percent of the population, declared \
    itself the National Assembly in June 1789.

    On 14 July 1789 a crowd in Paris stormed the Bastille, a royal fortress and prison. The event became a symbol of \
    the fight against absolute monarchy. In August the National Assembly adopted the Declaration of the Rights of Man \
    and of the Citizen, which proclaimed liberty and equality before the law.

    The monarchy was abolished in September 1792, and Louis XVI was executed in January 1793. Maximilien Robespierre \
    and the Committee of Public Safety then led the Reign of Terror, during which about 17,000 people were officially \
    executed. Robespierre himself was overthrown and guillotined in July 1794. In 1799 Napoleon Bonaparte seized power \
    in a coup, which is often taken as the end of the revolution.
    """

    static let tcp = """
    The Transmission Control Protocol (TCP) provides reliable, ordered delivery of a stream of bytes between \
    applications running on hosts in an IP network. It was described by Vint Cerf and Bob Kahn in 1974, and the \
    specification was published as RFC 793 in 1981.

    A TCP connection starts with a three-way handshake. The client sends a SYN segment, the server replies with a \
    SYN-ACK segment, and the client completes the handshake with an ACK segment. Each side chooses an initial \
    sequence number, and every byte sent is numbered so that the receiver can put segments back in order.

    TCP uses acknowledgements and retransmission to recover lost data. Flow control relies on a sliding window: the \
    receiver advertises how many bytes it can accept, so a fast sender cannot overwhelm a slow receiver. Congestion \
    control algorithms such as slow start reduce the sending rate when packets are lost. The header of a TCP segment \
    is at least 20 bytes long, and port numbers range from 0 to 65,535. Web traffic usually uses port 443, while \
    the older HTTP service uses port 80.
    """

    static let primes = """
    ## Prime numbers

    A prime number is a natural number greater than 1 that has no divisors other than 1 and itself. The first prime \
    numbers are 2, 3, 5, 7 and 11. The number 2 is the only even prime, because every other even number is divisible \
    by 2. A natural number greater than 1 that is not prime is called a composite number.

    Euclid proved around 300 BC that there are infinitely many primes. His argument multiplies a finite list of primes \
    together and adds 1, which produces a number that none of the listed primes can divide. The fundamental theorem \
    of arithmetic states that every integer greater than 1 can be written as a product of primes in exactly one way.

    The sieve of Eratosthenes is a simple algorithm for finding all primes up to a limit. There are 25 primes below \
    100 and 168 primes below 1,000. The prime number theorem says that the number of primes below n is roughly n \
    divided by the natural logarithm of n. In 2018 the Great Internet Mersenne Prime Search found a prime with more \
    than 24 million digits. Mathematicians estimate that about 4.8 percent of the numbers below one million are prime.
    """

    static let all = [photosynthesis, frenchRevolution, tcp, primes]
}
