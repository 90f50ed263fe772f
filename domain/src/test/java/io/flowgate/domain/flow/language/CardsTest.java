package io.flowgate.domain.flow.language;

import static io.flowgate.domain.flow.language.FlowFixture.compact;
import static io.flowgate.domain.flow.language.FlowFixture.failure;
import static io.flowgate.domain.flow.language.FlowFixture.returned;
import static io.flowgate.domain.flow.language.FlowFixture.returnedJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.domain.flow.language.card.StandardCards;
import io.flowgate.domain.flow.language.json.JsonString;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every data card, run as one step of a flow whose second step returns its output. */
class CardsTest {

    private static final String TOO_LONG_A_NUMBER =
            "the result is out of range: it would be longer than 1,000 characters as JSON text";

    private final FlowFixture flows = new FlowFixture();

    private static String oneStep(String card, String in) {
        return "{'steps':[{'id':'s','card':'" + card + "','in':" + in + "},"
                + "{'id':'r','card':'flow.return','in':{'body':'{{s}}'}}]}";
    }

    static Stream<Arguments> outputs() {
        return Stream.of(
                Arguments.of("text.concat", "{'values':['Hello, ','Ada','!']}", "'Hello, Ada!'"),
                Arguments.of("text.concat", "{'values':['a',1,true,null,{'k':[1]},[1,2],2.50]}",
                        "'a1true{\\'k\\':[1]}[1,2]2.50'"),
                Arguments.of("text.concat", "{'values':[]}", "''"),
                Arguments.of("text.upper", "{'text':'straße'}", "'STRASSE'"),
                Arguments.of("text.upper", "{'text':'title i'}", "'TITLE I'"),
                Arguments.of("text.lower", "{'text':'ÀB TITLE'}", "'àb title'"),
                Arguments.of("text.trim", "{'text':'  a b \\n\\t'}", "'a b'"),
                Arguments.of("text.trim", "{'text':'\u2003x\u2003'}", "'x'"),
                Arguments.of("text.trim", "{'text':42}", "'42'"),
                Arguments.of("text.replace", "{'text':'a-b-c','search':'-','replace':'+'}", "'a+b+c'"),
                Arguments.of("text.replace", "{'text':'a.b.c','search':'.','replace':''}", "'abc'"),
                Arguments.of("text.replace", "{'text':'price: x','search':'x','replace':'$1'}", "'price: $1'"),
                Arguments.of("text.replace", "{'text':'none here','search':'zz','replace':'y'}", "'none here'"),
                Arguments.of("text.split", "{'text':'a,,b,','separator':','}", "['a','','b','']"),
                Arguments.of("text.split", "{'text':'a::b','separator':'::'}", "['a','b']"),
                Arguments.of("text.split", "{'text':'abc','separator':','}", "['abc']"),
                Arguments.of("text.split", "{'text':'','separator':','}", "['']"),
                Arguments.of("text.length", "{'text':'😀a'}", "2"),
                Arguments.of("text.length", "{'text':''}", "0"),
                Arguments.of("text.contains", "{'text':'hello','search':'ell'}", "true"),
                Arguments.of("text.contains", "{'text':'hello','search':'Ell'}", "false"),
                Arguments.of("text.contains", "{'text':12345,'search':'23'}", "true"),
                Arguments.of("number.add", "{'a':0.1,'b':0.2}", "0.3"),
                Arguments.of("number.add", "{'a':-5,'b':2.25}", "-2.75"),
                Arguments.of("number.subtract", "{'a':1,'b':0.9}", "0.1"),
                Arguments.of("number.add", "{'a':12345678901234567890.123456789012345,'b':0}",
                        "12345678901234567890.123456789012345"),
                Arguments.of("number.add", "{'a':123456789012345678901234567890.5,'b':98765432109876543210.25}",
                        "123456789111111111011111111100.75"),
                Arguments.of("number.subtract", "{'a':123456789012345678901234567890.5,'b':98765432109876543210.25}",
                        "123456788913580246791358024680.25"),
                Arguments.of("number.add", "{'a':" + "9".repeat(999) + ",'b':1}", "1" + "0".repeat(999)),
                Arguments.of("number.add", "{'a':1e999999999,'b':1e999999999}", "2E+999999999"),
                Arguments.of("number.multiply", "{'a':1.5,'b':2}", "3.0"),
                Arguments.of("number.multiply", "{'a':123456789012345678901234567890.5,'b':98765432109876543210.25}",
                        "12193263113702179522527434839539932936891510440477.625"),
                Arguments.of("number.multiply", "{'a':" + "7".repeat(500) + ",'b':" + "3".repeat(500) + "}",
                        new BigInteger("7".repeat(500)).multiply(new BigInteger("3".repeat(500))).toString()),
                Arguments.of("number.multiply", "{'a':0.1,'b':0.1}", "0.01"),
                Arguments.of("number.divide", "{'a':10,'b':4}", "2.5"),
                Arguments.of("number.divide", "{'a':1,'b':3}", "0.3333333333333333333333333333333333"),
                Arguments.of("number.divide", "{'a':2,'b':3}", "0.6666666666666666666666666666666667"),
                Arguments.of("number.divide", "{'a':100,'b':0.5}", "200"),
                Arguments.of("number.round", "{'value':2.675,'places':2}", "2.68"),
                Arguments.of("number.round", "{'value':-2.675,'places':2}", "-2.68"),
                Arguments.of("number.round", "{'value':2.5}", "3"),
                Arguments.of("number.round", "{'value':-2.5,'places':0}", "-3"),
                Arguments.of("number.round", "{'value':1.005,'places':2}", "1.01"),
                Arguments.of("number.round", "{'value':2.5,'places':2}", "2.5"),
                Arguments.of("number.round", "{'value':1e-999999999,'places':2}", "0.00"),
                Arguments.of("number.round", "{'value':0.001,'places':2}", "0.00"),
                Arguments.of("number.round", "{'value':-0.001,'places':2}", "0.00"),
                Arguments.of("number.round", "{'value':10.500,'places':2}", "10.50"),
                Arguments.of("number.round", "{'value':1.5}", "2"),
                Arguments.of("number.round", "{'value':0.005,'places':2}", "0.01"),
                Arguments.of("object.get", "{'object':{'a':{'b':[1,{'c':5}]}},'path':'a.b[1].c'}", "5"),
                Arguments.of("object.get", "{'object':{'a':1},'path':'a.b'}", "null"),
                Arguments.of("object.get", "{'object':{'x.y':1},'path':'[\\'x.y\\']'}", "1"),
                Arguments.of("object.set", "{'object':{'a':1},'path':'b.c','value':2}", "{'a':1,'b':{'c':2}}"),
                Arguments.of("object.set", "{'object':{'a':[1,2]},'path':'a[1]','value':null}", "{'a':[1,null]}"),
                Arguments.of("object.merge", "{'objects':[{'a':1,'b':1},{'b':2,'c':3}]}", "{'a':1,'b':2,'c':3}"),
                Arguments.of("object.merge", "{'objects':[]}", "{}"),
                Arguments.of("object.keys", "{'object':{'z':1,'a':2}}", "['z','a']"),
                Arguments.of("list.length", "{'list':[1,2,3]}", "3"),
                Arguments.of("list.at", "{'list':[1,2,3],'index':1}", "2"),
                Arguments.of("list.at", "{'list':[1,2,3],'index':3}", "null"),
                Arguments.of("list.at", "{'list':[1,2,3],'index':-1}", "null"),
                Arguments.of("list.append", "{'list':[1],'item':[2]}", "[1,[2]]"),
                Arguments.of("list.append", "{'list':[],'item':null}", "[null]"),
                Arguments.of("json.parse", "{'text':'{\\'a\\':[1,2.50]}'}", "{'a':[1,2.50]}"),
                Arguments.of("json.parse", "{'text':'42'}", "42"),
                Arguments.of("json.stringify", "{'value':{'a':[1,'x']}}", "'{\\'a\\':[1,\\'x\\']}'"),
                Arguments.of("json.stringify", "{'value':'x'}", "'\\'x\\''"),
                Arguments.of("date.now", "{}", "'2024-05-01T10:00:00.123Z'"),
                Arguments.of("date.format", "{'date':'2024-05-01T10:00:00Z','pattern':'yyyy-MM-dd HH:mm'}",
                        "'2024-05-01 10:00'"),
                Arguments.of("date.format", "{'date':'2024-05-01T10:00:00Z','pattern':'HH:mm z','zone':'Europe/Paris'}",
                        "'12:00 CEST'"),
                Arguments.of("date.format", "{'date':'2024-05-01','pattern':'EEEE d MMMM yyyy'}",
                        "'Wednesday 1 May 2024'"),
                Arguments.of("date.format", "{'date':'2024-05-01T12:00:00+02:00','pattern':'HH:mm'}", "'10:00'"),
                Arguments.of("date.add", "{'date':'2024-05-01T10:00:00Z','amount':90,'unit':'minutes'}",
                        "'2024-05-01T11:30:00Z'"),
                Arguments.of("date.add", "{'date':'2024-05-01T10:00:00Z','amount':-1,'unit':'days'}",
                        "'2024-04-30T10:00:00Z'"),
                Arguments.of("date.add", "{'date':'2024-05-01T10:00:00Z','amount':3600,'unit':'seconds'}",
                        "'2024-05-01T11:00:00Z'"),
                Arguments.of("date.add", "{'date':'2024-05-01','amount':2,'unit':'hours'}", "'2024-05-01T02:00:00Z'"),
                Arguments.of("base64.encode", "{'text':'héllo'}", "'aMOpbGxv'"),
                Arguments.of("base64.encode", "{'text':'ab'}", "'YWI='"),
                Arguments.of("base64.decode", "{'text':'aMOpbGxv'}", "'héllo'"),
                Arguments.of("base64.decode", "{'text':'YWI='}", "'ab'"),
                Arguments.of("hash.sha256", "{'text':'abc'}",
                        "'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'"),
                Arguments.of("hash.sha256", "{'text':''}",
                        "'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'"));
    }

    @ParameterizedTest(name = "{0} {1} gives {2}")
    @MethodSource("outputs")
    void card_givesItsOutput(String card, String in, String expected) {
        RunResult result = flows.run(oneStep(card, in));

        assertThat(returnedJson(result)).isEqualTo(compact(expected));
    }

    @Test
    void textCase_ignoresTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            RunResult upper = flows.run(oneStep("text.upper", "{'text':'istanbul'}"));
            RunResult lower = flows.run(oneStep("text.lower", "{'text':'TITLE'}"));

            assertThat(returned(upper)).isEqualTo(JsonString.of("ISTANBUL"));
            assertThat(returned(lower)).isEqualTo(JsonString.of("title"));
        } finally {
            Locale.setDefault(before);
        }
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("text.concat", "{'values':'{{request.body.v}}'}", "{'v':'x'}",
                        "input 'values' must be a list, not text"),
                Arguments.of("text.upper", "{'text':'{{request.body.v}}'}", "{'v':[1]}",
                        "input 'text' must be text, not a list"),
                Arguments.of("text.lower", "{'text':'{{request.body.v}}'}", "{}", "input 'text' must be text, not "
                        + "null"),
                Arguments.of("text.trim", "{'text':'{{request.body.v}}'}", "{'v':{}}",
                        "input 'text' must be text, not an object"),
                Arguments.of("text.replace", "{'text':'abc','search':'{{request.body.v}}','replace':'x'}", "{'v':''}",
                        "input 'search' must not be empty"),
                Arguments.of("text.split", "{'text':'abc','separator':'{{request.body.v}}'}", "{'v':''}",
                        "input 'separator' must not be empty"),
                Arguments.of("text.length", "{'text':'{{request.body.v}}'}", "{'v':null}",
                        "input 'text' must be text, not null"),
                Arguments.of("text.contains", "{'text':'abc','search':'{{request.body.v}}'}", "{'v':[]}",
                        "input 'search' must be text, not a list"),
                Arguments.of("number.add", "{'a':'{{request.body.v}}','b':1}", "{'v':'1'}",
                        "input 'a' must be a number, not text"),
                Arguments.of("number.subtract", "{'a':1,'b':'{{request.body.v}}'}", "{'v':true}",
                        "input 'b' must be a number, not a boolean"),
                Arguments.of("number.multiply", "{'a':1e2147483647,'b':1e10}", "{}", "the result is out of range"),
                Arguments.of("number.multiply", "{'a':" + "7".repeat(501) + ",'b':" + "3".repeat(500) + "}", "{}",
                        TOO_LONG_A_NUMBER),
                Arguments.of("number.add", "{'a':" + "9".repeat(1000) + ",'b':1}", "{}", TOO_LONG_A_NUMBER),
                Arguments.of("number.add", "{'a':1e999999999,'b':1}", "{}", TOO_LONG_A_NUMBER),
                Arguments.of("number.subtract", "{'a':1,'b':1e-999999999}", "{}", TOO_LONG_A_NUMBER),
                Arguments.of("number.add", "{'a':1,'b':0e-999999999}", "{}", TOO_LONG_A_NUMBER),
                Arguments.of("number.divide", "{'a':1,'b':'{{request.body.v}}'}", "{'v':0.00}", "division by zero"),
                Arguments.of("number.round", "{'value':1,'places':'{{request.body.v}}'}", "{'v':35}",
                        "input 'places' must be from 0 to 34"),
                Arguments.of("number.round", "{'value':1,'places':'{{request.body.v}}'}", "{'v':1.5}",
                        "input 'places' must be a whole number between -2^63 and 2^63-1"),
                Arguments.of("object.get", "{'object':{},'path':'{{request.body.v}}'}", "{'v':'a..b'}",
                        "input 'path' is not a valid path: expected a name at position 3 of path 'a..b'"),
                Arguments.of("object.get", "{'object':'{{request.body.v}}','path':'a'}", "{'v':[]}",
                        "input 'object' must be an object, not a list"),
                Arguments.of("object.set", "{'object':{'a':1},'path':'a.c','value':2}", "{}",
                        "cannot set 'c' inside a number"),
                Arguments.of("object.set", "{'object':{'a':[]},'path':'a[0]','value':2}", "{}",
                        "index 0 is out of range for a list of 0 items"),
                Arguments.of("object.merge", "{'objects':[{},'x']}", "{}", "objects[1] must be an object, not text"),
                Arguments.of("object.keys", "{'object':'{{request.body.v}}'}", "{'v':1}",
                        "input 'object' must be an object, not a number"),
                Arguments.of("list.length", "{'list':'{{request.body.v}}'}", "{'v':{}}",
                        "input 'list' must be a list, not an object"),
                Arguments.of("list.at", "{'list':[1],'index':'{{request.body.v}}'}", "{'v':'0'}",
                        "input 'index' must be a whole number, not text"),
                Arguments.of("list.append", "{'list':'{{request.body.v}}','item':1}", "{'v':null}",
                        "input 'list' must be a list, not null"),
                Arguments.of("json.parse", "{'text':'{{request.body.v}}'}", "{'v':'{bad'}",
                        "the text is not valid JSON: expected a member name in double quotes at line 1, column 2"),
                Arguments.of("date.format", "{'date':'yesterday','pattern':'yyyy'}", "{}",
                        "'yesterday' is not an ISO-8601 date like 2024-05-01T10:00:00Z, 2024-05-01T12:00:00+02:00 or "
                                + "2024-05-01"),
                Arguments.of("date.format", "{'date':'2024-05-01','pattern':'{{request.body.v}}'}", "{'v':'yyyy-bb'}",
                        "input 'pattern' is not a valid date pattern: Unknown pattern letter: b"),
                Arguments.of("date.format", "{'date':'2024-05-01','pattern':'yyyy','zone':'{{request.body.v}}'}",
                        "{'v':'Mars/Olympus'}",
                        "input 'zone' is not a known time zone (use an id like UTC, Europe/Paris or +02:00)"),
                Arguments.of("date.add", "{'date':'2024-05-01','amount':1,"
                        + "'unit':'{{request.body.v}}'}", "{'v':'weeks'}",
                        "input 'unit' must be one of seconds, minutes, hours or days"),
                Arguments.of("date.add", "{'date':'2024-05-01','amount':9223372036854775807,'unit':'days'}", "{}",
                        "the resulting date is out of range"),
                Arguments.of("date.add", "{'date':'05/01/2024','amount':1,'unit':'days'}", "{}",
                        "'05/01/2024' is not an ISO-8601 date like 2024-05-01T10:00:00Z, 2024-05-01T12:00:00+02:00 "
                                + "or 2024-05-01"),
                Arguments.of("base64.encode", "{'text':'{{request.body.v}}'}", "{'v':[]}",
                        "input 'text' must be text, not a list"),
                Arguments.of("base64.decode", "{'text':'!!!'}", "{}", "the text is not standard Base64"),
                Arguments.of("base64.decode", "{'text':'/w=='}", "{}", "the decoded bytes are not UTF-8 text"),
                Arguments.of("hash.sha256", "{'text':'{{request.body.v}}'}", "{'v':{}}",
                        "input 'text' must be text, not an object"));
    }

    @ParameterizedTest(name = "{0} {1} with body {2} fails: {3}")
    @MethodSource("failures")
    void card_failsItsStep_withAMessageSayingWhy(String card, String in, String body, String message) {
        RunResult result = flows.run(oneStep(card, in), body);

        assertThat(failure(result)).isEqualTo(message);
        assertThat(((Outcome.Failed) result.outcome()).stepId()).isEqualTo("s");
    }

    @Test
    void everyCardOfTheDesign_isRegistered_andNoOther() {
        Set<String> names = StandardCards.registry().cards().stream().map(Card::name).collect(Collectors.toSet());

        assertThat(names).containsExactlyInAnyOrder("text.concat", "text.upper", "text.lower", "text.trim",
                "text.replace", "text.split", "text.length", "text.contains", "number.add", "number.subtract",
                "number.multiply", "number.divide", "number.round", "object.get", "object.set", "object.merge",
                "object.keys", "list.length", "list.at", "list.append", "json.parse", "json.stringify", "date.now",
                "date.format", "date.add", "base64.encode", "base64.decode", "hash.sha256", "flow.if",
                "flow.for_each", "flow.call", "flow.return", "flow.return_raw", "flow.return_error", "flow.close");
    }
}
